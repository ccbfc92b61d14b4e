//! Reading a value the browser's `JSON.parse` made into Rust, with serde. The client only ever
//! needs to know *whether* an answer could be read (a refusal is `ApiError::Internal` either way),
//! so its error carries no message: serde's messages (`invalid type: floating point 1.5,
//! expected …`) format floats, quoted strings and their Unicode escapes, and that formatting
//! machinery was about 10 KB of every client's program when the general-purpose
//! `serde-wasm-bindgen` did this.
//!
//! JSON's shapes map onto serde's data model as serde_json maps them: `null` is a unit or
//! `None`, a number with no fraction inside ±2^53 an integer (else a float), a string a
//! string or a unit variant, an array a sequence, an object a map, a struct, or (with one key) a
//! variant with content.

use js_sys::{Array, Object, Reflect};
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// Why a value could not be read. Deliberately without details (see the module's note).
#[derive(Debug)]
pub struct Unreadable;

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the answer could not be read")
    }
}

impl std::error::Error for Unreadable {}

impl de::Error for Unreadable {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Unreadable
    }
}

/// Reads `T` from a parsed JSON value.
pub fn from_value<T: de::DeserializeOwned>(value: JsValue) -> Result<T, Unreadable> {
    T::deserialize(Js(value))
}

/// The largest integer a JavaScript number holds exactly.
const EXACT: f64 = 9_007_199_254_740_992.0;

struct Js(JsValue);

impl<'de> de::Deserializer<'de> for Js {
    type Error = Unreadable;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
        let v = self.0;
        if v.is_null() || v.is_undefined() {
            visitor.visit_unit()
        } else if let Some(b) = v.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(n) = v.as_f64() {
            if n.fract() == 0.0 && n.abs() <= EXACT {
                if n >= 0.0 {
                    visitor.visit_u64(n as u64)
                } else {
                    visitor.visit_i64(n as i64)
                }
            } else {
                visitor.visit_f64(n)
            }
        } else if let Some(s) = v.as_string() {
            visitor.visit_string(s)
        } else if Array::is_array(&v) {
            let items: Array = v.unchecked_into();
            visitor.visit_seq(Items { items, next: 0 })
        } else if v.is_object() {
            let keys = Object::keys(v.unchecked_ref::<Object>());
            visitor.visit_map(Entries {
                object: v,
                keys,
                next: 0,
                value: None,
            })
        } else {
            Err(Unreadable)
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
        if self.0.is_null() || self.0.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Unreadable> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unreadable> {
        if let Some(name) = self.0.as_string() {
            return visitor.visit_enum(name.into_deserializer());
        }
        if !self.0.is_object() || Array::is_array(&self.0) {
            return Err(Unreadable);
        }
        let keys = Object::keys(self.0.unchecked_ref::<Object>());
        if keys.length() != 1 {
            return Err(Unreadable);
        }
        let key = keys.get(0);
        let content = Reflect::get(&self.0, &key).map_err(|_| Unreadable)?;
        let name = key.as_string().ok_or(Unreadable)?;
        visitor.visit_enum(Variant { name, content })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

struct Items {
    items: Array,
    next: u32,
}

impl<'de> de::SeqAccess<'de> for Items {
    type Error = Unreadable;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Unreadable> {
        if self.next >= self.items.length() {
            return Ok(None);
        }
        let item = self.items.get(self.next);
        self.next += 1;
        seed.deserialize(Js(item)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.length().saturating_sub(self.next) as usize)
    }
}

struct Entries {
    object: JsValue,
    keys: Array,
    next: u32,
    value: Option<JsValue>,
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = Unreadable;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Unreadable> {
        if self.next >= self.keys.length() {
            return Ok(None);
        }
        let key = self.keys.get(self.next);
        self.next += 1;
        self.value = Some(Reflect::get(&self.object, &key).map_err(|_| Unreadable)?);
        seed.deserialize(Js(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Unreadable> {
        seed.deserialize(Js(self.value.take().ok_or(Unreadable)?))
    }
}

/// A variant with content: `{"name": content}`.
struct Variant {
    name: String,
    content: JsValue,
}

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = Unreadable;
    type Variant = Js;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Js), Unreadable> {
        let name: de::value::StringDeserializer<Unreadable> = self.name.into_deserializer();
        Ok((seed.deserialize(name)?, Js(self.content)))
    }
}

impl<'de> de::VariantAccess<'de> for Js {
    type Error = Unreadable;

    fn unit_variant(self) -> Result<(), Unreadable> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, Unreadable> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Unreadable> {
        de::Deserializer::deserialize_any(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unreadable> {
        de::Deserializer::deserialize_any(self, visitor)
    }
}
