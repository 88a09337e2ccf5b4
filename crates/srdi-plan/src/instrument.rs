//! A small, closed taxonomy of policy instruments, each mapped to the nearest
//! [OECD STIP Compass](https://stip.oecd.org) instrument type for cross-policy comparison.
//!
//! Our kinds are finer than STIP where the plans are (central-bank relending, listing
//! support); each still names the one STIP type it is closest to, by its official label.
//! Where the nearest type is not an exact fit, [`StipType::note`] says why it was chosen.
//! `srdi instruments` prints the whole table.
//!
//! The target group of the plans is STIP's TG31 (SMEs); some tasks also reach
//! micro-enterprises (中小微企业, TG30).

use serde::{Deserialize, Serialize};

/// The OECD STIP Compass instrument type an [`Instrument`] maps to, with a note where the
/// match is loose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StipType {
    /// The STIP code, e.g. `PI020`.
    pub code: &'static str,
    /// The official STIP label.
    pub name: &'static str,
    /// Why this is the nearest type, when it is not an exact fit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
}

/// The STIP instrument types we map to: `(code, official label)`.
mod stip {
    pub(super) const PI008: (&str, &str) = ("PI008", "Grants for business R&D and innovation");
    pub(super) const PI010: (&str, &str) =
        ("PI010", "Procurement programmes for R&D and innovation");
    pub(super) const PI012: (&str, &str) = ("PI012", "Loans and credits for innovation in firms");
    pub(super) const PI013: (&str, &str) = ("PI013", "Equity financing");
    pub(super) const PI015: (&str, &str) = (
        "PI015",
        "Tax or social contributions relief for firms investing in R&D and innovation",
    );
    pub(super) const PI017: (&str, &str) = (
        "PI017",
        "Technology extension and business advisory services",
    );
    pub(super) const PI018: (&str, &str) = ("PI018", "Labour mobility regulation and incentives");
    pub(super) const PI019: (&str, &str) =
        ("PI019", "Intellectual property regulation and incentives");
    pub(super) const PI020: (&str, &str) = (
        "PI020",
        "Science and innovation challenges, prizes and awards",
    );
    pub(super) const PI021: (&str, &str) = ("PI021", "Networking and collaborative platforms");
    pub(super) const PI022: (&str, &str) = (
        "PI022",
        "Dedicated support to research and technical infrastructures",
    );
    pub(super) const PI025: (&str, &str) =
        ("PI025", "Formal consultation of stakeholders or experts");
    pub(super) const PI026: (&str, &str) = ("PI026", "Horizontal STI coordination bodies");
    pub(super) const PI027: (&str, &str) = (
        "PI027",
        "Standards and certification for technology development and adoption",
    );
    pub(super) const PI028: (&str, &str) = (
        "PI028",
        "Public awareness campaigns and other outreach activities",
    );
    pub(super) const PI029: (&str, &str) = ("PI029", "Debt guarantees and risk sharing schemes");
    pub(super) const PI030: (&str, &str) = (
        "PI030",
        "Creation or reform of governance structure or public body",
    );
    pub(super) const PI031: (&str, &str) = (
        "PI031",
        "Policy intelligence (e.g. evaluations, benchmarking and forecasts)",
    );
}

/// Declares [`Instrument`] from one table: each variant's description (its doc), serde name,
/// STIP type and, for a loose match, the note that says why.
macro_rules! instruments {
    ($(
        #[doc = $description:literal]
        $variant:ident = $name:literal, $stip:ident $(, note = $note:literal)?;
    )*) => {
        /// A kind of policy instrument. Serialized in `snake_case`.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Instrument {
            $(#[doc = $description] $variant,)*
        }

        impl Instrument {
            /// The nearest OECD STIP Compass instrument type.
            ///
            /// ```
            /// use srdi_plan::Instrument;
            /// assert_eq!(Instrument::Relending.stip().code, "PI012");
            /// assert!(Instrument::Talent.stip().note.is_some());
            /// ```
            pub fn stip(self) -> StipType {
                match self {
                    $(Self::$variant => StipType {
                        code: stip::$stip.0,
                        name: stip::$stip.1,
                        note: None $(.or(Some($note)))?,
                    },)*
                }
            }

            /// What the instrument covers, in a sentence (the variant's documentation).
            pub fn description(self) -> &'static str {
                match self {
                    $(Self::$variant => $description.trim_start(),)*
                }
            }
        }

        names! { Instrument { $($variant = $name,)* } }
    };
}

instruments! {
    /// A one-off cash reward for an achievement (recognition, listing).
    Reward = "reward", PI020;
    /// Open calls and competitions for solving technology problems (揭榜挂帅, 赛马).
    Challenge = "challenge", PI020;
    /// A grant or subsidy for a project or for R&D, or bespoke financial support.
    Grant = "grant", PI008;
    /// Bank loans, credit lines and loan products.
    Loan = "loan", PI012;
    /// Central-bank relending and rediscounting passed on to firms (央行再贷款/再贴现).
    Relending = "relending", PI012;
    /// Credit guarantees.
    Guarantee = "guarantee", PI029;
    /// Government or guided investment funds.
    EquityFund = "equity_fund", PI013;
    /// Support for share reform, quotation and listing (股改, 挂牌, 上市).
    ListingSupport = "listing_support", PI013;
    /// Tax deductions and exemptions.
    TaxIncentive = "tax_incentive", PI015,
        note = "Exact for the additional deduction of R&D expenses; a VAT exemption for \
                incubators relieves the incubator (STIP target group TG34), not a firm's R&D \
                spending, and has no closer STIP type.";
    /// Consulting, legal aid, diagnosis and public services for firms.
    AdvisoryService = "advisory_service", PI017;
    /// Tiered cultivation: pools, selection, coaching and one-to-one follow-up of firms.
    EnterpriseCultivation = "enterprise_cultivation", PI017;
    /// Digital, intelligent and green upgrading of production.
    TechnologyUpgrade = "technology_upgrade", PI017;
    /// Platforms and alliances that connect firms with each other, with banks or with resources.
    Platform = "platform", PI021;
    /// Fairs, exhibitions, market opening and supply-chain matching.
    MarketAccess = "market_access", PI021;
    /// R&D institutions and joint technology research.
    ResearchCapacity = "research_capacity", PI022;
    /// Recruitment, talent recognition and related benefits.
    Talent = "talent", PI018,
        note = "Nearest, not exact: the plans evaluate and recruit talent for firms rather than \
                regulate labour mobility; PI011 (fellowships) concerns students and researchers.";
    /// Public purchasing and first-use policies (首台套) that create demand.
    Procurement = "procurement", PI010;
    /// Standards, quality, certification and brands.
    StandardsQuality = "standards_quality", PI027;
    /// Patents, copyrights and their protection.
    IntellectualProperty = "intellectual_property", PI019;
    /// Leading groups, joint meetings and other coordination bodies.
    Coordination = "coordination", PI026;
    /// Assigning duties and assessing the units that carry them out.
    Accountability = "accountability", PI030,
        note = "Nearest, not exact: no body is created or reformed; duties are assigned and \
                units assessed. PI031 (policy intelligence) evaluates policies, not units.";
    /// Monitoring, evaluation and inspection of the policy.
    Monitoring = "monitoring", PI031;
    /// Hearing enterprises and experts on policy.
    Consultation = "consultation", PI025;
    /// Publicity, policy explanation and public outreach.
    Awareness = "awareness", PI028;
}

#[cfg(test)]
mod tests {
    use super::Instrument;

    #[test]
    fn as_str_is_the_serde_name() {
        for instrument in Instrument::ALL {
            let json = serde_json::to_string(instrument).unwrap();
            assert_eq!(json, format!("\"{instrument}\""));
        }
    }

    #[test]
    fn every_stip_code_is_a_policy_instrument_code() {
        for instrument in Instrument::ALL {
            let code = instrument.stip().code;
            assert!(
                code.starts_with("PI") && code.len() == 5,
                "{instrument}: {code}"
            );
        }
    }

    #[test]
    fn descriptions_are_sentences() {
        for instrument in Instrument::ALL {
            let description = instrument.description();
            assert!(
                description.ends_with('.') && !description.starts_with(' '),
                "{instrument}: {description:?}"
            );
        }
    }
}
