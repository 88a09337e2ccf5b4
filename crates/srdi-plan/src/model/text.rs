//! Texts and exact decimal numbers: the two value types every part of a plan uses.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A string of plan data. The shipped plans borrow theirs from the program, so that they are
/// ready without copying a byte; a loaded plan owns its strings. Either way it reads as a
/// `&str`.
pub type Str = std::borrow::Cow<'static, str>;

/// A list of plan data: borrowed from the program for the shipped plans, owned for loaded
/// ones. Reads as a slice; `to_mut()` gives a `Vec` to edit.
pub type List<T> = std::borrow::Cow<'static, [T]>;

/// A text as printed (`zh`) and in our own English translation (`en`).
///
/// `zh` is the source verbatim (artifacts of the copy, such as page breaks, joined). `en` is
/// optional: a plan may be loaded in Chinese only, with `missing_translation` warnings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The source text, verbatim.
    pub zh: Str,
    /// Our own English translation, not an official one; empty when there is none yet.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub en: Str,
    /// The source breaks off inside this text (a partial plan); `zh` is what survives.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
}

impl Text {
    /// A text in both languages.
    pub fn new(zh: impl Into<Str>, en: impl Into<Str>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
            truncated: false,
        }
    }
}

/// An exact decimal number, as a plan prints it: `2.5` is two and a half, not a float near it.
///
/// Written in JSON as a number: a whole number up to ±[`crate::LARGEST_NUMBER`], or one with
/// a fraction of up to 15 significant digits and 9 decimals, as every surface (a double in
/// JavaScript and Python) reads it exactly. Any other number is an error, never rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Decimal {
    /// The digits, without the point: `2.5` is 25.
    units: i64,
    /// How many of the digits are decimals: `2.5` has 1.
    scale: u8,
}

impl Decimal {
    /// `units` × 10<sup>−`scale`</sup>: `Decimal::new(25, 1)` is 2.5. Exact for a `scale` up
    /// to 9.
    ///
    /// ```
    /// use srdi_plan::Decimal;
    /// assert_eq!(Decimal::new(25, 1), Decimal::parse("2.5").unwrap());
    /// assert_eq!(Decimal::new(2500, 3), Decimal::new(25, 1));
    /// ```
    pub const fn new(units: i64, scale: u8) -> Self {
        let (mut units, mut scale) = (units, scale);
        while scale > 0 && units % 10 == 0 {
            units /= 10;
            scale -= 1;
        }
        Self { units, scale }
    }

    /// A whole number.
    pub fn whole(value: i64) -> Self {
        Self {
            units: value,
            scale: 0,
        }
    }

    /// The decimal written `text` (`25000`, `2.5`, `-0.75`), if it is one within range.
    pub fn parse(text: &str) -> Option<Self> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let fraction = fraction.trim_end_matches('0');
        let all = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !all(whole) || !all(fraction) || fraction.len() > 9 {
            return None;
        }
        let units: i64 = format!("{whole}{fraction}").parse().ok()?;
        let scale = u8::try_from(fraction.len()).ok()?;
        Some(Self {
            units: if negative { -units } else { units },
            scale,
        })
    }

    /// The nearest float, for arithmetic that need not be exact (paces, shares).
    #[allow(
        clippy::cast_precision_loss,
        reason = "paces and shares need no more than a float's precision"
    )]
    pub fn to_f64(self) -> f64 {
        self.units as f64 / 10f64.powi(i32::from(self.scale))
    }

    /// The number times `factor` (a power of ten such as 万 = 10 000), if it stays in range.
    pub fn times(self, factor: i64) -> Option<Self> {
        let mut value = Self {
            units: self.units.checked_mul(factor)?,
            scale: self.scale,
        };
        while value.scale > 0 && value.units % 10 == 0 {
            value.units /= 10;
            value.scale -= 1;
        }
        Some(value)
    }

    /// Whether the number is greater than zero.
    pub fn is_positive(self) -> bool {
        self.units > 0
    }

    /// The number if it is whole.
    pub fn as_whole(self) -> Option<i64> {
        (self.scale == 0).then_some(self.units)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.units);
        }
        let digits = self.units.unsigned_abs().to_string();
        let scale = usize::from(self.scale);
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (whole, fraction) = padded.split_at(padded.len() - scale);
        let sign = if self.units < 0 { "-" } else { "" };
        write!(f, "{sign}{whole}.{fraction}")
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let scale = self.scale.max(other.scale);
        let widen = |d: &Self| i128::from(d.units) * 10i128.pow(u32::from(scale - d.scale));
        widen(self).cmp(&widen(other))
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.as_whole() {
            Some(whole) => serializer.serialize_i64(whole),
            // The shortest float that reads back as these digits prints as these digits.
            None => serializer.serialize_f64(self.to_f64()),
        }
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Number;

        impl Visitor<'_> for Number {
            type Value = Decimal;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Decimal, E> {
                if value.unsigned_abs() > crate::LARGEST_NUMBER.unsigned_abs() {
                    return Err(E::custom("the number is too large to be exact everywhere"));
                }
                Ok(Decimal::whole(value))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Decimal, E> {
                i64::try_from(value)
                    .map_err(|_| E::custom("the number is too large to be exact everywhere"))
                    .and_then(|value| self.visit_i64(value))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Decimal, E> {
                // The shortest text that reads back as this float: the digits the file wrote,
                // if it wrote at most 15 significant ones, which a double always keeps. More
                // may have been rounded on the way, so they are refused rather than guessed.
                let text = value.to_string();
                let significant = text
                    .bytes()
                    .filter(u8::is_ascii_digit)
                    .skip_while(|&digit| digit == b'0')
                    .count();
                (significant <= 15)
                    .then(|| Decimal::parse(&text))
                    .flatten()
                    .ok_or_else(|| E::custom("the number has too many digits to be exact"))
            }
        }

        deserializer.deserialize_any(Number)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Decimal {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact decimal number, e.g. 25000 or 2.5.",
            "type": "number"
        })
    }
}

#[cfg(feature = "bake")]
impl databake::Bake for Decimal {
    fn bake(&self, _: &databake::CrateEnv) -> databake::TokenStream {
        let (units, scale) = (self.units, self.scale);
        databake::quote! { srdi_plan::Decimal::new(#units, #scale) }
    }
}

#[cfg(test)]
mod tests {
    use super::Decimal;

    #[test]
    fn decimals_read_and_print_as_written() {
        for text in ["0", "200", "2.5", "-0.75", "0.001", "25000"] {
            assert_eq!(Decimal::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(Decimal::parse("2.50").unwrap().to_string(), "2.5");
        for bad in ["", ".5", "1e3", "abc", "1.0000000001"] {
            assert!(Decimal::parse(bad).is_none(), "{bad}");
        }
    }

    /// A number in JSON is read exactly or refused: never rounded on the way.
    #[test]
    fn json_numbers_are_exact_or_refused() {
        let read = |json: &str| {
            serde_json::from_str::<Decimal>(json)
                .ok()
                .map(|d| d.to_string())
        };
        for exact in [
            "0.1",
            "2.5",
            "123456789012345",
            "9007199254740991",
            "-9007199254740991",
        ] {
            assert_eq!(read(exact).as_deref(), Some(exact));
        }
        for rounded in [
            "1234567890123456.7",
            "0.30000000000000004",
            "9007199254740992",
            "1e30",
        ] {
            assert_eq!(read(rounded), None, "{rounded}");
        }
    }

    #[test]
    fn decimals_multiply_and_compare_exactly() {
        let two_and_a_half = Decimal::parse("2.5").unwrap();
        assert_eq!(two_and_a_half.times(10_000), Some(Decimal::whole(25_000)));
        assert!(Decimal::parse("0.1").unwrap() < Decimal::parse("0.25").unwrap());
        assert_eq!(serde_json::to_string(&two_and_a_half).unwrap(), "2.5");
        let read: Decimal = serde_json::from_str("2.5").unwrap();
        assert_eq!(read, two_and_a_half);
        let read: Decimal = serde_json::from_str("25000").unwrap();
        assert_eq!(read.as_whole(), Some(25_000));
    }
}
