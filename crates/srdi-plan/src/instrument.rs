//! A small, closed taxonomy of policy instruments, each mapped to the nearest
//! [OECD STIP Compass](https://stip.oecd.org) instrument type for cross-policy comparison.
//!
//! Our kinds are finer than STIP where the plan is (central-bank relending, listing support);
//! each still names the one STIP type it is closest to. The target group of the whole plan is
//! STIP's TG31 (SMEs).
//!
//! | instrument | STIP | STIP name |
//! |---|---|---|
//! | `reward` | PI020 | Challenges, prizes and awards |
//! | `grant` | PI008 | Grants for business R&D and innovation |
//! | `loan` | PI012 | Loans and credits for innovation in firms |
//! | `relending` | PI012 | Loans and credits for innovation in firms |
//! | `guarantee` | PI029 | Debt guarantees and risk-sharing schemes |
//! | `equity_fund` | PI013 | Equity financing |
//! | `listing_support` | PI013 | Equity financing |
//! | `tax_incentive` | PI015 | Tax relief for firms investing in R&D and innovation |
//! | `advisory_service` | PI017 | Technology extension and business advisory services |
//! | `enterprise_cultivation` | PI017 | Technology extension and business advisory services |
//! | `technology_upgrade` | PI017 | Technology extension and business advisory services |
//! | `platform` | PI021 | Networking and collaborative platforms |
//! | `market_access` | PI021 | Networking and collaborative platforms |
//! | `research_capacity` | PI022 | Dedicated support to research and technical infrastructures |
//! | `talent` | PI018 | Labour mobility regulation and incentives |
//! | `procurement` | PI010 | Procurement programmes for R&D and innovation |
//! | `standards_quality` | PI027 | Standards and certification for technology development and adoption |
//! | `intellectual_property` | PI019 | Intellectual property regulation and incentives |
//! | `coordination` | PI026 | Horizontal STI coordination bodies |
//! | `accountability` | PI030 | Creation or reform of governance structure or public body |
//! | `monitoring` | PI031 | Policy intelligence (evaluations, benchmarking, forecasts) |
//! | `consultation` | PI025 | Formal consultation of stakeholders or experts |
//! | `awareness` | PI028 | Public awareness campaigns and other outreach |

use serde::{Deserialize, Serialize};

/// A kind of policy instrument. Serialized in `snake_case`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Instrument {
    /// A one-off cash reward for an achievement (recognition, listing).
    Reward,
    /// A grant or subsidy for a project, or bespoke financial support.
    Grant,
    /// Bank loans, credit lines and loan products.
    Loan,
    /// Central-bank relending and rediscounting passed on to firms (央行再贷款/再贴现).
    Relending,
    /// Credit guarantees.
    Guarantee,
    /// Government or guided investment funds.
    EquityFund,
    /// Support for share reform, quotation and listing (股改, 挂牌, 上市).
    ListingSupport,
    /// Tax deductions and exemptions.
    TaxIncentive,
    /// Consulting, legal aid, diagnosis and public services for firms.
    AdvisoryService,
    /// Tiered cultivation: pools, selection and one-to-one follow-up of firms.
    EnterpriseCultivation,
    /// Digital, intelligent and green upgrading of production.
    TechnologyUpgrade,
    /// Platforms that connect firms with each other, with banks or with resources.
    Platform,
    /// Fairs, exhibitions, market opening and supply-chain matching.
    MarketAccess,
    /// R&D institutions, alliances and joint technology research.
    ResearchCapacity,
    /// Recruitment, talent recognition and related benefits.
    Talent,
    /// Public purchasing and first-use policies (首台套) that create demand.
    Procurement,
    /// Standards, quality, certification and brands.
    StandardsQuality,
    /// Patents, copyrights and their protection.
    IntellectualProperty,
    /// Leading groups, joint meetings and other coordination bodies.
    Coordination,
    /// Assigning duties and assessing the units that carry them out.
    Accountability,
    /// Monitoring, evaluation and inspection of the policy.
    Monitoring,
    /// Hearing enterprises and experts.
    Consultation,
    /// Publicity, policy explanation and public outreach.
    Awareness,
}

/// An OECD STIP Compass instrument type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StipType {
    /// The STIP code, e.g. `PI020`.
    pub code: &'static str,
    /// The STIP name.
    pub name: &'static str,
}

impl Instrument {
    /// Every instrument, in declaration order.
    pub const ALL: [Instrument; 23] = [
        Self::Reward,
        Self::Grant,
        Self::Loan,
        Self::Relending,
        Self::Guarantee,
        Self::EquityFund,
        Self::ListingSupport,
        Self::TaxIncentive,
        Self::AdvisoryService,
        Self::EnterpriseCultivation,
        Self::TechnologyUpgrade,
        Self::Platform,
        Self::MarketAccess,
        Self::ResearchCapacity,
        Self::Talent,
        Self::Procurement,
        Self::StandardsQuality,
        Self::IntellectualProperty,
        Self::Coordination,
        Self::Accountability,
        Self::Monitoring,
        Self::Consultation,
        Self::Awareness,
    ];

    /// The nearest OECD STIP Compass instrument type.
    ///
    /// ```
    /// use srdi_plan::Instrument;
    /// assert_eq!(Instrument::Relending.stip().code, "PI012");
    /// ```
    pub fn stip(self) -> StipType {
        let (code, name) = match self {
            Self::Reward => ("PI020", "Challenges, prizes and awards"),
            Self::Grant => ("PI008", "Grants for business R&D and innovation"),
            Self::Loan | Self::Relending => ("PI012", "Loans and credits for innovation in firms"),
            Self::Guarantee => ("PI029", "Debt guarantees and risk-sharing schemes"),
            Self::EquityFund | Self::ListingSupport => ("PI013", "Equity financing"),
            Self::TaxIncentive => (
                "PI015",
                "Tax relief for firms investing in R&D and innovation",
            ),
            Self::AdvisoryService | Self::EnterpriseCultivation | Self::TechnologyUpgrade => (
                "PI017",
                "Technology extension and business advisory services",
            ),
            Self::Platform | Self::MarketAccess => {
                ("PI021", "Networking and collaborative platforms")
            }
            Self::ResearchCapacity => (
                "PI022",
                "Dedicated support to research and technical infrastructures",
            ),
            Self::Talent => ("PI018", "Labour mobility regulation and incentives"),
            Self::Procurement => ("PI010", "Procurement programmes for R&D and innovation"),
            Self::StandardsQuality => (
                "PI027",
                "Standards and certification for technology development and adoption",
            ),
            Self::IntellectualProperty => {
                ("PI019", "Intellectual property regulation and incentives")
            }
            Self::Coordination => ("PI026", "Horizontal STI coordination bodies"),
            Self::Accountability => (
                "PI030",
                "Creation or reform of governance structure or public body",
            ),
            Self::Monitoring => (
                "PI031",
                "Policy intelligence (evaluations, benchmarking, forecasts)",
            ),
            Self::Consultation => ("PI025", "Formal consultation of stakeholders or experts"),
            Self::Awareness => ("PI028", "Public awareness campaigns and other outreach"),
        };
        StipType { code, name }
    }

    /// What the instrument covers, in a sentence (the variant's documentation).
    pub fn description(self) -> &'static str {
        match self {
            Self::Reward => "A one-off cash reward for an achievement (recognition, listing).",
            Self::Grant => "A grant or subsidy for a project, or bespoke financial support.",
            Self::Loan => "Bank loans, credit lines and loan products.",
            Self::Relending => {
                "Central-bank relending and rediscounting passed on to firms (央行再贷款/再贴现)."
            }
            Self::Guarantee => "Credit guarantees.",
            Self::EquityFund => "Government or guided investment funds.",
            Self::ListingSupport => {
                "Support for share reform, quotation and listing (股改, 挂牌, 上市)."
            }
            Self::TaxIncentive => "Tax deductions and exemptions.",
            Self::AdvisoryService => {
                "Consulting, legal aid, diagnosis and public services for firms."
            }
            Self::EnterpriseCultivation => {
                "Tiered cultivation: pools, selection and one-to-one follow-up of firms."
            }
            Self::TechnologyUpgrade => "Digital, intelligent and green upgrading of production.",
            Self::Platform => {
                "Platforms that connect firms with each other, with banks or with resources."
            }
            Self::MarketAccess => "Fairs, exhibitions, market opening and supply-chain matching.",
            Self::ResearchCapacity => "R&D institutions, alliances and joint technology research.",
            Self::Talent => "Recruitment, talent recognition and related benefits.",
            Self::Procurement => {
                "Public purchasing and first-use policies (首台套) that create demand."
            }
            Self::StandardsQuality => "Standards, quality, certification and brands.",
            Self::IntellectualProperty => "Patents, copyrights and their protection.",
            Self::Coordination => "Leading groups, joint meetings and other coordination bodies.",
            Self::Accountability => "Assigning duties and assessing the units that carry them out.",
            Self::Monitoring => "Monitoring, evaluation and inspection of the policy.",
            Self::Consultation => "Hearing enterprises and experts.",
            Self::Awareness => "Publicity, policy explanation and public outreach.",
        }
    }

    /// The `snake_case` name used in JSON, e.g. `listing_support`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reward => "reward",
            Self::Grant => "grant",
            Self::Loan => "loan",
            Self::Relending => "relending",
            Self::Guarantee => "guarantee",
            Self::EquityFund => "equity_fund",
            Self::ListingSupport => "listing_support",
            Self::TaxIncentive => "tax_incentive",
            Self::AdvisoryService => "advisory_service",
            Self::EnterpriseCultivation => "enterprise_cultivation",
            Self::TechnologyUpgrade => "technology_upgrade",
            Self::Platform => "platform",
            Self::MarketAccess => "market_access",
            Self::ResearchCapacity => "research_capacity",
            Self::Talent => "talent",
            Self::Procurement => "procurement",
            Self::StandardsQuality => "standards_quality",
            Self::IntellectualProperty => "intellectual_property",
            Self::Coordination => "coordination",
            Self::Accountability => "accountability",
            Self::Monitoring => "monitoring",
            Self::Consultation => "consultation",
            Self::Awareness => "awareness",
        }
    }
}

impl std::fmt::Display for Instrument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Instrument;

    #[test]
    fn as_str_is_the_serde_name() {
        for instrument in Instrument::ALL {
            let json = serde_json::to_string(&instrument).unwrap();
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
}
