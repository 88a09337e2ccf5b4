//! A deserializer that reads the plan format exactly, so that the fast path of loading accepts
//! no more than the phases do. The serde derive and `serde_json` also read a struct from a JSON
//! array of its fields in order (`"period": [2022, 2025]`) and a variant without data from an
//! object (`"kind": {"reach": null}`), which the format does not allow and the shape check
//! reports. [`Strict`] wraps any deserializer and refuses both, at every depth, and arrays and
//! objects nested deeper than [`MAX_DEPTH`] (conditions nest without bound).

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

use crate::load::MAX_DEPTH;

/// A deserializer, or the access to a part of one, that reads structs only from objects; with
/// the number of arrays and objects it is in.
pub(crate) struct Strict<T>(T, usize);

impl<T> Strict<T> {
    /// `deserializer`, strict from its top.
    pub(crate) fn new(deserializer: T) -> Self {
        Strict(deserializer, 0)
    }
}

/// The depth inside one more array or object than `depth`, unless that is too deep.
fn deeper<E: de::Error>(depth: usize) -> Result<usize, E> {
    let depth = depth + 1;
    if depth > MAX_DEPTH {
        return Err(E::custom(format_args!(
            "arrays and objects nest deeper than {MAX_DEPTH} levels"
        )));
    }
    Ok(depth)
}

/// Forwards `deserialize_*` methods to the wrapped deserializer with a strict visitor.
macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method($($arg,)* Strict(visitor, self.1))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_identifier();
        deserialize_ignored_any();
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0
            .deserialize_struct(name, fields, StructOnly(Strict(visitor, self.1)))
    }

    /// An enum as the format writes it: a variant without data as a string, one with data as
    /// an object of one key.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(Variant(visitor, self.1))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// Forwards `visit_*` methods of plain values to the wrapped visitor.
macro_rules! visit {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method<E: de::Error>(self, value: $ty) -> Result<V::Value, E> {
            self.0.$method(value)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Strict<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    visit! {
        visit_bool(bool);
        visit_i8(i8);
        visit_i16(i16);
        visit_i32(i32);
        visit_i64(i64);
        visit_i128(i128);
        visit_u8(u8);
        visit_u16(u16);
        visit_u32(u32);
        visit_u64(u64);
        visit_u128(u128);
        visit_f32(f32);
        visit_f64(f64);
        visit_char(char);
        visit_str(&str);
        visit_borrowed_str(&'de str);
        visit_string(String);
        visit_bytes(&[u8]);
        visit_borrowed_bytes(&'de [u8]);
        visit_byte_buf(Vec<u8>);
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(Strict(deserializer, self.1))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.0.visit_newtype_struct(Strict(deserializer, self.1))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(Strict(seq, deeper(self.1)?))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Strict(map, deeper(self.1)?))
    }
}

/// The visitor of an enum: its variant from a string, or from an object of one key.
struct Variant<V>(V, usize);

impl<'de, V: Visitor<'de>> Visitor<'de> for Variant<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<V::Value, E> {
        self.0.visit_enum(name.into_deserializer())
    }

    fn visit_borrowed_str<E: de::Error>(self, name: &'de str) -> Result<V::Value, E> {
        self.0
            .visit_enum(de::value::BorrowedStrDeserializer::new(name))
    }

    fn visit_string<E: de::Error>(self, name: String) -> Result<V::Value, E> {
        self.0.visit_enum(name.into_deserializer())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(Object(Strict(map, deeper(self.1)?)))
    }
}

/// A variant written as an object: its key names the variant, its value holds the data. One
/// without data is refused here, as it is written as a string, and so is a second key.
struct Object<A>(A);

impl<'de, A: MapAccess<'de>> Object<A> {
    /// `value`, the data of the variant, if the object holds nothing more.
    fn end<T>(mut self, value: T) -> Result<T, A::Error> {
        match self.0.next_key::<de::IgnoredAny>()? {
            None => Ok(value),
            Some(_) => Err(de::Error::invalid_length(2, &"an object of one key")),
        }
    }
}

impl<'de, A: MapAccess<'de>> EnumAccess<'de> for Object<A> {
    type Error = A::Error;
    type Variant = Self;

    fn variant_seed<T: DeserializeSeed<'de>>(
        mut self,
        seed: T,
    ) -> Result<(T::Value, Self), A::Error> {
        match self.0.next_key_seed(seed)? {
            Some(variant) => Ok((variant, self)),
            None => Err(de::Error::invalid_length(0, &"an object of one key")),
        }
    }
}

impl<'de, A: MapAccess<'de>> VariantAccess<'de> for Object<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        Err(de::Error::invalid_type(
            de::Unexpected::Map,
            &"a variant without data, written as a string",
        ))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        mut self,
        seed: T,
    ) -> Result<T::Value, A::Error> {
        let value = self.0.next_value_seed(seed)?;
        self.end(value)
    }

    fn tuple_variant<V: Visitor<'de>>(
        mut self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let value = self.0.next_value_seed(Data::Tuple(len, visitor))?;
        self.end(value)
    }

    fn struct_variant<V: Visitor<'de>>(
        mut self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let value = self.0.next_value_seed(Data::Struct(fields, visitor))?;
        self.end(value)
    }
}

/// The data of a tuple or struct variant, read from the value of its object.
enum Data<V> {
    Tuple(usize, V),
    Struct(&'static [&'static str], V),
}

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for Data<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        match self {
            Data::Tuple(len, visitor) => deserializer.deserialize_tuple(len, visitor),
            Data::Struct(fields, visitor) => deserializer.deserialize_struct("", fields, visitor),
        }
    }
}

/// The visitor of a struct: everything as [`Strict`], but an array is refused.
struct StructOnly<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for StructOnly<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<V::Value, A::Error> {
        Err(de::Error::invalid_type(de::Unexpected::Seq, &self))
    }
}

impl<'de, T: DeserializeSeed<'de>> DeserializeSeed<'de> for Strict<T> {
    type Value = T::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T::Value, D::Error> {
        self.0.deserialize(Strict(deserializer, self.1))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Strict(seed, self.1))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(seed)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(Strict(seed, self.1))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::Strict;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Period {
        start: u16,
        end: u16,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Plan {
        periods: Vec<Period>,
        period: Option<Period>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Condition {
        Always,
        Fact(String),
        All(Vec<Condition>),
        Between(u16, u16),
        Range { start: u16, end: u16 },
    }

    fn strict<'de, T: Deserialize<'de>>(json: &'de str) -> Option<T> {
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let value = T::deserialize(Strict::new(&mut deserializer)).ok()?;
        deserializer.end().ok().map(|()| value)
    }

    #[test]
    fn structs_are_read_from_objects_only() {
        let json = r#"{"periods": [{"start": 1, "end": 2}], "period": {"start": 3, "end": 4}}"#;
        assert!(strict::<Plan>(json).is_some());
        // serde alone reads these; the format does not allow them.
        for json in [
            r#"{"periods": [[1, 2]], "period": null}"#,
            r#"{"periods": [], "period": [3, 4]}"#,
            "[[], null]",
        ] {
            assert!(serde_json::from_str::<Plan>(json).is_ok(), "{json}");
            assert!(strict::<Plan>(json).is_none(), "{json}");
        }
    }

    #[test]
    fn variants_are_read_as_json_writes_them() {
        let json = r#"{"all": ["always", {"fact": "x"}, {"between": [1, 2]},
            {"range": {"start": 3, "end": 4}}, {"all": []}]}"#;
        assert_eq!(
            strict::<Condition>(json),
            Some(Condition::All(vec![
                Condition::Always,
                Condition::Fact("x".into()),
                Condition::Between(1, 2),
                Condition::Range { start: 3, end: 4 },
                Condition::All(vec![]),
            ]))
        );
        // serde_json alone reads these; the format does not allow them.
        for json in [r#"{"always": null}"#, r#"{"range": [3, 4]}"#] {
            assert!(serde_json::from_str::<Condition>(json).is_ok(), "{json}");
            assert!(strict::<Condition>(json).is_none(), "{json}");
        }
        let two_keys = r#"{"fact": "x", "all": []}"#;
        for json in ["{}", "[]", "1", r#"{"never": null}"#, r#""fact""#, two_keys] {
            assert!(strict::<Condition>(json).is_none(), "{json}");
        }
    }
}
