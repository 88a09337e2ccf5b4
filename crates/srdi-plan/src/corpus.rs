//! Several plans at once: a district plan and the municipal plan it implements, or every plan
//! of a folder. A corpus resolves what one plan says of another — its `based_on` documents —
//! by the document numbers the plans carry.

use std::sync::Arc;

use crate::model::Entity;
use crate::plan::Plan;
use crate::refs::ItemRef;

/// Plans loaded side by side.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    plans: Vec<Arc<Plan>>,
}

/// A document a plan is based on, and the plan of the corpus that is that document, if any.
#[derive(Debug, Clone)]
pub struct Basis<'a> {
    /// The document as the plan names it.
    pub entity: &'a Entity,
    /// The plan of the corpus whose document number is the entity's, if one is loaded.
    pub plan: Option<&'a Arc<Plan>>,
}

impl Corpus {
    /// A corpus of `plans`, in the order given.
    pub fn new(plans: impl IntoIterator<Item = Arc<Plan>>) -> Self {
        Self {
            plans: plans.into_iter().collect(),
        }
    }

    /// The plans shipped inside the crate.
    pub fn embedded() -> Self {
        Self::new(crate::embedded_ids().filter_map(crate::embedded).cloned())
    }

    /// The plans, in order.
    pub fn plans(&self) -> &[Arc<Plan>] {
        &self.plans
    }

    /// The plan with id `id`.
    pub fn plan(&self, id: &str) -> Option<&Arc<Plan>> {
        self.plans.iter().find(|plan| plan.id() == id)
    }

    /// The plan whose document is numbered `number` (e.g. `渝府办发〔2022〕23号`).
    pub fn numbered(&self, number: &str) -> Option<&Arc<Plan>> {
        self.plans
            .iter()
            .find(|plan| plan.data().document.number.as_deref() == Some(number))
    }

    /// The documents `plan` is based on, each with the plan of this corpus it resolves to.
    ///
    /// ```
    /// let corpus = srdi_plan::Corpus::embedded();
    /// let wulong = corpus.plan("wulong-2022-48").unwrap();
    /// let bases = corpus.based_on(wulong);
    /// assert_eq!(bases[0].plan.unwrap().id(), "chongqing-2022-23");
    /// ```
    pub fn based_on<'a>(&'a self, plan: &'a Plan) -> Vec<Basis<'a>> {
        plan.data()
            .document
            .based_on
            .iter()
            .filter_map(|id| match plan.item(id) {
                Some(ItemRef::Entity(entity)) => plan.get(entity),
                _ => None,
            })
            .map(|entity| Basis {
                entity,
                plan: entity.number.as_deref().and_then(|n| self.numbered(n)),
            })
            .collect()
    }
}
