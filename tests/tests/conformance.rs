//! Runs the shared conformance vectors (`tests/conformance/queries.json`) against the Rust API.

use serde_json::{Map, Value, json};
use srdi_plan::{Plan, QueryError, TaskFilter};

const VECTORS: &str = include_str!("../conformance/queries.json");

/// Answers one query in the language-neutral shape of the vectors.
fn answer(plan: &Plan, query: &Value) -> Result<Value, QueryError> {
    let text = |key: &str| query[key].as_str().map(str::to_owned);
    let number = |key: &str| query[key].as_u64().and_then(|n| u8::try_from(n).ok());
    let numbers = |items: Vec<u8>| json!(items);
    Ok(match query["op"].as_str().unwrap() {
        "tasks" => {
            let filter = TaskFilter {
                unit: text("unit"),
                section: number("section"),
                instrument: text("instrument"),
                tier: text("tier"),
                text: text("text"),
            };
            let tasks = plan.tasks_where(&filter)?;
            json!({ "tasks": numbers(tasks.iter().map(|t| t.number).collect()) })
        }
        "task" => {
            let task = plan.find_task(number("number").unwrap())?;
            json!({
                "number": task.number,
                "section": task.section,
                "units": plan.responsible_ids(task),
                "citation": plan.citation(&task.id()),
            })
        }
        "search" => {
            let mut ids: Vec<String> = Vec::new();
            for hit in plan.search(&text("text").unwrap())? {
                if !ids.contains(&hit.id) {
                    ids.push(hit.id);
                }
            }
            json!({ "ids": ids })
        }
        "unit" => {
            let duties = plan.duties(plan.find_unit(&text("name").unwrap())?);
            json!({
                "unit": duties.unit.id,
                "tasks": duties.tasks,
                "mechanisms": duties.mechanisms,
                "leads": duties.leads,
            })
        }
        "units" => ids_and_count(plan.units.iter().map(|u| u.id.as_str())),
        "goal" => {
            let goal = plan.find_target(&text("id").unwrap())?;
            json!({ "id": goal.id, "value": goal.value, "citation": plan.citation(&goal.id) })
        }
        "goals" => ids_and_count(plan.goals.iter().map(|g| g.id.as_str())),
        "targets" => ids_and_count(plan.targets().into_iter().map(|t| t.id.as_str())),
        "measures" => {
            let measures =
                plan.measures_where(text("tier").as_deref(), text("instrument").as_deref())?;
            ids_and_count(measures.into_iter().map(|m| m.id.as_str()))
        }
        "mechanism" => {
            let mechanism = plan.find_mechanism(number("number").unwrap())?;
            json!({
                "number": mechanism.number,
                "units": mechanism.responsibility.units,
                "lead": mechanism.lead,
                "citation": plan.citation(&mechanism.id()),
            })
        }
        "mechanisms" => {
            json!({ "numbers": plan.mechanisms.iter().map(|m| m.number).collect::<Vec<_>>() })
        }
        "entity" => {
            let mentions = plan.mentions_of(plan.find_entity(&text("name").unwrap())?);
            json!({ "id": mentions.entity.id, "tasks": mentions.tasks, "mechanisms": mentions.mechanisms })
        }
        "entities" => ids_and_count(plan.entities.iter().map(|e| e.id.as_str())),
        "documents" => ids_and_count(plan.documents_cited().into_iter().map(|e| e.id.as_str())),
        "matrix" => {
            let matrix = plan.matrix();
            let rows: Map<String, Value> = matrix
                .rows
                .iter()
                .map(|row| (row.unit.id.clone(), json!(row.tasks)))
                .collect();
            json!({ "columns": matrix.tasks.len(), "rows": rows })
        }
        op => panic!("unknown op `{op}` in the vectors"),
    })
}

fn ids_and_count<'a>(ids: impl Iterator<Item = &'a str>) -> Value {
    let ids: Vec<&str> = ids.collect();
    json!({ "count": ids.len(), "ids": ids })
}

/// Compares an answer with the expectation: only the keys the expectation names.
fn check(name: &str, actual: Result<Value, QueryError>, expect: &Value) -> Result<(), String> {
    let expect = expect.as_object().unwrap();
    match (actual, expect.get("error")) {
        (Err(error), Some(code)) => {
            if error.code() != code {
                return Err(format!(
                    "{name}: expected error {code}, got {}",
                    error.code()
                ));
            }
            match expect.get("suggests") {
                Some(first)
                    if error.suggestions().first().map(String::as_str) != first.as_str() =>
                {
                    Err(format!(
                        "{name}: expected the suggestion {first}, got {:?}",
                        error.suggestions()
                    ))
                }
                _ => Ok(()),
            }
        }
        (Err(error), None) => Err(format!("{name}: unexpected error: {error}")),
        (Ok(answer), Some(code)) => Err(format!("{name}: expected error {code}, got {answer}")),
        (Ok(answer), None) => {
            for (key, expected) in expect {
                if &answer[key] != expected {
                    return Err(format!(
                        "{name}: {key} is {}, expected {expected}",
                        answer[key]
                    ));
                }
            }
            Ok(())
        }
    }
}

#[test]
fn every_conformance_case_passes() {
    let vectors: Value = serde_json::from_str(VECTORS).unwrap();
    assert_eq!(vectors["plan"], "wulong");
    let cases = vectors["cases"].as_array().unwrap();
    assert!(cases.len() >= 40, "the vectors must cover every query kind");
    let plan = srdi_plan::wulong();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let name = case["name"].as_str().unwrap();
            check(name, answer(plan, &case["query"]), &case["expect"]).err()
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_vectors_cover_every_op() {
    let vectors: Value = serde_json::from_str(VECTORS).unwrap();
    let ops: std::collections::BTreeSet<&str> = vectors["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|case| case["query"]["op"].as_str().unwrap())
        .collect();
    let all = [
        "documents",
        "entities",
        "entity",
        "goal",
        "goals",
        "matrix",
        "measures",
        "mechanism",
        "mechanisms",
        "search",
        "targets",
        "task",
        "tasks",
        "unit",
        "units",
    ];
    assert_eq!(ops.into_iter().collect::<Vec<_>>(), all);
}
