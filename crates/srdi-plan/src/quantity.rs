//! Quantities as plans print them: a number, perhaps a magnitude (万, 亿), and a unit
//! (家, 个, %, 元). A target stores its value in the unit without the magnitude and keeps the
//! printed form; this module reads printed forms back and renders quantities in both languages.
//! It knows the Chinese of numbers, not any plan.

use crate::model::{Decimal, Target, Text};

/// Magnitudes a printed number may carry, largest first.
const MAGNITUDES: [(&str, i64); 5] = [
    ("亿", 100_000_000),
    ("万", 10_000),
    ("千", 1_000),
    ("百", 100),
    ("十", 10),
];

/// Counting words (量词): they say what kind of thing is counted, and English needs no word.
const CLASSIFIERS: [&str; 16] = [
    "家", "个", "项", "所", "座", "条", "户", "只", "台", "套", "件", "次", "批", "处", "类", "支",
];

/// Whether a unit is a counting word, so that its values are whole numbers.
pub(crate) fn is_classifier(unit: &str) -> bool {
    CLASSIFIERS.contains(&unit)
}

/// A printed quantity read back: `2.5万家` is 25000 家, `100 万元` is 1000000 元.
pub(crate) fn parse(printed: &str) -> Option<(Decimal, String)> {
    let printed = printed.trim();
    let end = printed
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(printed.len(), |(at, _)| at);
    let number = Decimal::parse(printed.get(..end)?)?;
    let rest = printed.get(end..)?.trim_start();
    let (factor, unit) = MAGNITUDES
        .iter()
        .find_map(|(word, factor)| rest.strip_prefix(word).map(|unit| (*factor, unit)))
        .unwrap_or((1, rest));
    Some((number.times(factor)?, unit.trim().to_owned()))
}

/// The magnitude a unit starts with (`万` of `万家`), which a unit must not carry.
pub(crate) fn magnitude_of(unit: &str) -> Option<&'static str> {
    MAGNITUDES
        .iter()
        .find(|(word, _)| unit.starts_with(word) && unit != *word)
        .map(|(word, _)| *word)
}

/// A target's quantity as printed (`2.5万家`, or value and unit as the text writes them,
/// `200家`) and in English (`25,000`, `30%`, `1,000,000 yuan`). Empty without a value.
pub(crate) fn render(target: &Target) -> Text {
    let Some(value) = target.value else {
        return Text::default();
    };
    let unit = target.unit.as_deref().unwrap_or_default();
    let zh = target
        .printed
        .clone()
        .unwrap_or_else(|| format!("{value}{unit}").into());
    Text::new(zh, english(value, unit))
}

/// A value and unit in English: classifiers drop, 元 is yuan, other units stay as printed.
pub(crate) fn english(value: Decimal, unit: &str) -> String {
    let number = grouped(value);
    match unit {
        "" => number,
        "%" => format!("{number}%"),
        "元" => format!("{number} yuan"),
        unit if CLASSIFIERS.contains(&unit) => number,
        unit => format!("{number} {unit}"),
    }
}

/// A sum of money as it is read: `1,000,000 CNY`. Every surface that writes a sum for people
/// writes it so.
///
/// ```
/// assert_eq!(srdi_plan::money(1_000_000, "CNY"), "1,000,000 CNY");
/// assert_eq!(srdi_plan::money(u64::MAX, "CNY"), "18,446,744,073,709,551,615 CNY");
/// ```
pub fn money(value: u64, currency: &str) -> String {
    format!("{} {currency}", thousands(&value.to_string()))
}

/// `25000` as `25,000`; decimals as they are.
pub(crate) fn grouped(value: Decimal) -> String {
    let text = value.to_string();
    let (whole, fraction) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let (sign, digits) = whole.strip_prefix('-').map_or(("", whole), |d| ("-", d));
    let out = thousands(digits);
    match fraction {
        Some(fraction) => format!("{sign}{out}.{fraction}"),
        None => format!("{sign}{out}"),
    }
}

/// Digits with a comma before each group of three from the right.
fn thousands(digits: &str) -> String {
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decimal(text: &str) -> Decimal {
        Decimal::parse(text).unwrap()
    }

    #[test]
    fn printed_quantities_read_back() {
        assert_eq!(parse("2.5万家"), Some((decimal("25000"), "家".to_owned())));
        assert_eq!(
            parse("100 万元"),
            Some((decimal("1000000"), "元".to_owned()))
        );
        assert_eq!(parse("30%"), Some((decimal("30"), "%".to_owned())));
        assert_eq!(parse("200家"), Some((decimal("200"), "家".to_owned())));
        assert_eq!(
            parse("1.5亿元"),
            Some((decimal("150000000"), "元".to_owned()))
        );
        assert_eq!(parse("全覆盖"), None);
    }

    #[test]
    fn quantities_in_english() {
        assert_eq!(english(decimal("25000"), "家"), "25,000");
        assert_eq!(english(decimal("1000000"), "元"), "1,000,000 yuan");
        assert_eq!(english(decimal("2.5"), "%"), "2.5%");
        assert_eq!(english(decimal("12"), "km"), "12 km");
        assert_eq!(grouped(decimal("-1234567.5")), "-1,234,567.5");
    }
}
