//! What a connection application carries, each part parsed with its own checks: capacity, supply
//! voltage, premises, contact, and the documents each kind of request needs.

use crate::domain::connection::{RequestKind, SupplyCategory};
use crate::domain::input::{Field, FieldError, Problem, parse_choice};
use serde::{Deserialize, Serialize};
use std::fmt;

fn text(field: Field, input: &str, min: usize, max: usize) -> Result<String, FieldError> {
    let s = input.trim();
    let n = s.chars().count();
    if n == 0 {
        return Err(FieldError::new(field, Problem::Required));
    }
    if n < min {
        return Err(FieldError::new(
            field,
            Problem::TooShort { min: min as u32 },
        ));
    }
    if n > max {
        return Err(FieldError::new(field, Problem::TooLong { max: max as u32 }));
    }
    crate::domain::input::refuse_hidden_characters(field, s, false)?;
    Ok(s.to_owned())
}

/// Parses a request kind chosen in a form.
pub fn parse_kind(input: &str) -> Result<RequestKind, FieldError> {
    parse_choice(Field::Kind, input, RequestKind::from_stored)
}

/// Parses a supply category chosen in a form.
pub fn parse_category(input: &str) -> Result<SupplyCategory, FieldError> {
    parse_choice(Field::Category, input, SupplyCategory::from_stored)
}

/// Requested capacity, held in hundredths of a kW.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Capacity(i64);

impl Capacity {
    /// The largest capacity the form takes (100 MW).
    pub const MAX_KW: i64 = 100_000;

    /// Parses kW as typed, such as `7` or `7.5` (at most two decimals, above zero).
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let err = |p| FieldError::new(Field::Capacity, p);
        let s = input.trim();
        if s.is_empty() {
            return Err(err(Problem::Required));
        }
        let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
        let digits = |p: &str| p.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(frac) || frac.len() > 2 || whole.len() > 7
        {
            return Err(err(Problem::Malformed));
        }
        let whole: i64 = whole.parse().map_err(|_| err(Problem::Malformed))?;
        let frac: i64 = format!("{frac:0<2}")
            .parse()
            .map_err(|_| err(Problem::Malformed))?;
        let centi = whole * 100 + frac;
        if centi == 0 || centi > Self::MAX_KW * 100 {
            return Err(err(Problem::OutOfRange {
                min: 0,
                max: Self::MAX_KW,
            }));
        }
        Ok(Capacity(centi))
    }

    /// From hundredths of a kW, as stored.
    pub fn from_centi(centi: i64) -> Self {
        Capacity(centi)
    }

    /// Hundredths of a kW, as stored.
    pub fn centi(self) -> i64 {
        self.0
    }
}

impl fmt::Display for Capacity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02} kW", self.0 / 100, self.0 % 100)
    }
}

/// The voltage the premises is supplied at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupplyVoltage {
    V220,
    V380,
    Kv10,
    Kv35,
    Kv110,
}

impl SupplyVoltage {
    /// Every voltage.
    pub const ALL: [SupplyVoltage; 5] = [
        SupplyVoltage::V220,
        SupplyVoltage::V380,
        SupplyVoltage::Kv10,
        SupplyVoltage::Kv35,
        SupplyVoltage::Kv110,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SupplyVoltage::V220 => "v220",
            SupplyVoltage::V380 => "v380",
            SupplyVoltage::Kv10 => "kv10",
            SupplyVoltage::Kv35 => "kv35",
            SupplyVoltage::Kv110 => "kv110",
        }
    }

    /// How people write it.
    pub fn label(self) -> &'static str {
        match self {
            SupplyVoltage::V220 => "220 V",
            SupplyVoltage::V380 => "380 V",
            SupplyVoltage::Kv10 => "10 kV",
            SupplyVoltage::Kv35 => "35 kV",
            SupplyVoltage::Kv110 => "110 kV",
        }
    }

    /// Reads a stored name.
    pub fn from_stored(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// True when this voltage fits the category: low voltage for households and small
    /// businesses, high voltage for high-voltage customers.
    pub fn fits(self, category: SupplyCategory) -> bool {
        let low = matches!(self, SupplyVoltage::V220 | SupplyVoltage::V380);
        low != category.is_high_voltage()
    }

    /// Parses a voltage chosen in a form and checks it fits `category`.
    pub fn parse(input: &str, category: SupplyCategory) -> Result<Self, FieldError> {
        let err = |p| FieldError::new(Field::SupplyVoltage, p);
        if input.trim().is_empty() {
            return Err(err(Problem::Required));
        }
        let v = Self::from_stored(input.trim()).ok_or(err(Problem::NotAllowed))?;
        if v.fits(category) {
            Ok(v)
        } else {
            Err(err(Problem::NotAllowed))
        }
    }
}

/// Parses a premises address (5 to 200 characters).
pub fn parse_premise_address(input: &str) -> Result<String, FieldError> {
    text(Field::PremiseAddress, input, 5, 200)
}

/// Parses a contact person's name (1 to 50 characters).
pub fn parse_contact_name(input: &str) -> Result<String, FieldError> {
    text(Field::ContactName, input, 1, 50)
}

/// Parses a contact phone number: digits with optional `+`, spaces and dashes; 7 to 15 digits.
pub fn parse_contact_phone(input: &str) -> Result<String, FieldError> {
    let err = |p| FieldError::new(Field::ContactPhone, p);
    let s = input.trim();
    if s.is_empty() {
        return Err(err(Problem::Required));
    }
    if s.len() > 30 {
        return Err(err(Problem::TooLong { max: 30 }));
    }
    let ok_chars = s
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || c == ' ' || c == '-' || (c == '+' && i == 0));
    let digits = s.chars().filter(char::is_ascii_digit).count();
    if !ok_chars || !(7..=15).contains(&digits) {
        return Err(err(Problem::Malformed));
    }
    Ok(s.to_owned())
}

/// Parses a staff note (up to 1,000 characters; may be empty).
pub fn parse_note(input: &str) -> Result<String, FieldError> {
    let s = input.trim();
    if s.chars().count() > 1_000 {
        return Err(FieldError::new(
            Field::Note,
            Problem::TooLong { max: 1_000 },
        ));
    }
    crate::domain::input::refuse_hidden_characters(Field::Note, s, true)?;
    Ok(s.to_owned())
}

/// A document an application can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// The applicant's identity card.
    IdCard,
    /// Proof of ownership or a lease of the premises.
    ProofOfOwnership,
    /// The business licence.
    BusinessLicence,
    /// The legal representative's identity card.
    LegalRepresentativeId,
    /// Proof of the right to use the parking space.
    ParkingSpaceProof,
    /// The property management's consent to the charger.
    PropertyConsent,
    /// Anything else the utility asks for.
    Other,
}

impl DocumentKind {
    /// Every kind.
    pub const ALL: [DocumentKind; 7] = [
        DocumentKind::IdCard,
        DocumentKind::ProofOfOwnership,
        DocumentKind::BusinessLicence,
        DocumentKind::LegalRepresentativeId,
        DocumentKind::ParkingSpaceProof,
        DocumentKind::PropertyConsent,
        DocumentKind::Other,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::IdCard => "id_card",
            DocumentKind::ProofOfOwnership => "proof_of_ownership",
            DocumentKind::BusinessLicence => "business_licence",
            DocumentKind::LegalRepresentativeId => "legal_representative_id",
            DocumentKind::ParkingSpaceProof => "parking_space_proof",
            DocumentKind::PropertyConsent => "property_consent",
            DocumentKind::Other => "other",
        }
    }

    /// Reads a stored name.
    pub fn from_stored(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// What an application must carry when filed: the applicant's identity card alone
    /// (一证受理, "accepted on one certificate"); the rest may follow while the case runs.
    pub const NEEDED_TO_APPLY: [DocumentKind; 1] = [DocumentKind::IdCard];

    /// The documents a case of `kind` in `category` needs before work is done (per DOMAIN.md).
    pub fn required_for(kind: RequestKind, category: SupplyCategory) -> Vec<DocumentKind> {
        let mut docs = vec![DocumentKind::IdCard, DocumentKind::ProofOfOwnership];
        if category != SupplyCategory::Residential {
            docs.extend([
                DocumentKind::BusinessLicence,
                DocumentKind::LegalRepresentativeId,
            ]);
        }
        if kind == RequestKind::EvCharger {
            docs.extend([
                DocumentKind::ParkingSpaceProof,
                DocumentKind::PropertyConsent,
            ]);
        }
        docs
    }
}

/// The largest document accepted: 5 MB.
pub const MAX_DOCUMENT_BYTES: usize = 5 * 1024 * 1024;

/// A file type the portal accepts, read from the content, never from the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileType {
    Pdf,
    Jpeg,
    Png,
}

impl FileType {
    /// The type the bytes say they are, if it is one the portal accepts.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"%PDF-") {
            Some(FileType::Pdf)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileType::Jpeg)
        } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
            Some(FileType::Png)
        } else {
            None
        }
    }

    /// The MIME type to serve it with.
    pub fn mime(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Jpeg => "image/jpeg",
            FileType::Png => "image/png",
        }
    }

    /// The file name endings that fit the type.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileType::Pdf => &["pdf"],
            FileType::Jpeg => &["jpg", "jpeg"],
            FileType::Png => &["png"],
        }
    }

    /// Checks that a file's name ends as its content is (`scan.pdf` for a PDF): a name that
    /// says one type over content of another is refused, so nobody is misled by it later.
    pub fn check_name(self, name: &str) -> Result<(), FieldError> {
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if self.extensions().contains(&ext.as_str()) {
            Ok(())
        } else {
            Err(FieldError::new(Field::File, Problem::NotAllowed))
        }
    }

    /// Checks an upload: not empty, at most 5 MB, and a PDF, JPEG or PNG by content.
    pub fn check_upload(bytes: &[u8]) -> Result<Self, FieldError> {
        let err = |p| FieldError::new(Field::File, p);
        if bytes.is_empty() {
            return Err(err(Problem::Required));
        }
        if bytes.len() > MAX_DOCUMENT_BYTES {
            return Err(err(Problem::TooLong {
                max: MAX_DOCUMENT_BYTES as u32,
            }));
        }
        Self::sniff(bytes).ok_or(err(Problem::NotAllowed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_files_name_must_end_as_its_content_is() {
        assert!(FileType::Pdf.check_name("scan.PDF").is_ok());
        assert!(FileType::Jpeg.check_name("photo.jpeg").is_ok());
        assert!(FileType::Jpeg.check_name("photo.jpg").is_ok());
        for bad in ["scan.png", "scan", "scan.pdf.exe", "scan.pdf "] {
            assert_eq!(
                FileType::Pdf.check_name(bad),
                Err(FieldError::new(Field::File, Problem::NotAllowed)),
                "{bad}"
            );
        }
    }

    #[test]
    fn capacity_takes_kilowatts_with_two_decimals() {
        assert_eq!(Capacity::parse("7").unwrap().centi(), 700);
        assert_eq!(Capacity::parse(" 7.5 ").unwrap().to_string(), "7.50 kW");
        let problem = |s| Capacity::parse(s).unwrap_err().problem;
        assert_eq!(problem(""), Problem::Required);
        assert_eq!(
            problem("0"),
            Problem::OutOfRange {
                min: 0,
                max: 100_000
            }
        );
        assert_eq!(
            problem("100000.01"),
            Problem::OutOfRange {
                min: 0,
                max: 100_000
            }
        );
        assert_eq!(problem("7.555"), Problem::Malformed);
        assert_eq!(problem("seven"), Problem::Malformed);
        assert_eq!(problem("-7"), Problem::Malformed);
    }

    #[test]
    fn voltage_must_fit_the_category() {
        assert!(SupplyVoltage::parse("v220", SupplyCategory::Residential).is_ok());
        assert!(SupplyVoltage::parse("kv10", SupplyCategory::HighVoltageSingle).is_ok());
        let refused = SupplyVoltage::parse("kv10", SupplyCategory::Residential).unwrap_err();
        assert_eq!(
            (refused.field, refused.problem),
            (Field::SupplyVoltage, Problem::NotAllowed)
        );
        assert_eq!(
            SupplyVoltage::parse("v380", SupplyCategory::HighVoltageDouble)
                .unwrap_err()
                .problem,
            Problem::NotAllowed
        );
        assert_eq!(
            SupplyVoltage::parse("", SupplyCategory::Residential)
                .unwrap_err()
                .problem,
            Problem::Required
        );
    }

    #[test]
    fn an_ev_charger_at_a_home_needs_four_documents() {
        let docs = DocumentKind::required_for(RequestKind::EvCharger, SupplyCategory::Residential);
        assert_eq!(
            docs,
            [
                DocumentKind::IdCard,
                DocumentKind::ProofOfOwnership,
                DocumentKind::ParkingSpaceProof,
                DocumentKind::PropertyConsent
            ]
        );
        let business = DocumentKind::required_for(
            RequestKind::NewConnection,
            SupplyCategory::LowVoltageBusiness,
        );
        assert!(business.contains(&DocumentKind::BusinessLicence));
        assert!(business.contains(&DocumentKind::LegalRepresentativeId));
    }

    #[test]
    fn uploads_are_typed_by_their_content_not_their_name() {
        assert_eq!(FileType::check_upload(b"%PDF-1.7 ..."), Ok(FileType::Pdf));
        assert_eq!(
            FileType::check_upload(&[0xFF, 0xD8, 0xFF, 0xE0, 0]),
            Ok(FileType::Jpeg)
        );
        assert_eq!(
            FileType::check_upload(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0]),
            Ok(FileType::Png)
        );
        assert_eq!(
            FileType::check_upload(b"MZ an exe renamed scan.pdf")
                .unwrap_err()
                .problem,
            Problem::NotAllowed
        );
        assert_eq!(
            FileType::check_upload(b"").unwrap_err().problem,
            Problem::Required
        );
        let big = [b"%PDF-".as_slice(), &vec![0u8; MAX_DOCUMENT_BYTES]].concat();
        assert!(matches!(
            FileType::check_upload(&big).unwrap_err().problem,
            Problem::TooLong { .. }
        ));
    }

    #[test]
    fn contact_details_are_checked() {
        assert!(parse_contact_phone("+86 138-0013-8000").is_ok());
        assert_eq!(
            parse_contact_phone("12ab").unwrap_err().problem,
            Problem::Malformed
        );
        assert_eq!(
            parse_contact_phone("123").unwrap_err().problem,
            Problem::Malformed
        );
        assert_eq!(
            parse_contact_name("  ").unwrap_err().problem,
            Problem::Required
        );
        assert_eq!(
            parse_premise_address("x").unwrap_err().problem,
            Problem::TooShort { min: 5 }
        );
        assert_eq!(
            parse_note(&"n".repeat(1_001)).unwrap_err().problem,
            Problem::TooLong { max: 1_000 }
        );
        assert_eq!(parse_kind("ev_charger"), Ok(RequestKind::EvCharger));
        assert_eq!(
            parse_kind("teleport").unwrap_err().problem,
            Problem::NotAllowed
        );
        assert_eq!(parse_category("").unwrap_err().field, Field::Category);
    }
}
