//! Target values with their units, normalised to base units so that `1.8万辆` and `18000辆`,
//! `约一倍` and `100%`, `0.8:1` and `0.8∶1` compare equal.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::text::fold;

/// What a value counts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// A percentage (a rate, or growth against a baseline).
    Percent,
    /// `a:b`, stored as a / b.
    Ratio,
    /// A counting unit (辆, 家, 元, 台（套）…), base unit without 万/亿.
    Count(String),
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unit::Percent => f.write_str("%"),
            Unit::Ratio => f.write_str("ratio"),
            Unit::Count(unit) => f.write_str(unit),
        }
    }
}

/// A value in base units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub value: f64,
    pub unit: Unit,
}

/// Why a value or unit could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuantityError {
    #[error("not a number: {0}")]
    NotANumber(String),
    #[error("missing unit")]
    MissingUnit,
}

static RATIO: LazyLock<Regex> = LazyLock::new(|| {
    #[expect(
        clippy::unwrap_used,
        reason = "a literal pattern, checked by the unit tests"
    )]
    Regex::new(r"^([0-9]+(?:\.[0-9]+)?):([0-9]+(?:\.[0-9]+)?)$").unwrap()
});

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    #[expect(
        clippy::unwrap_used,
        reason = "a literal pattern, checked by the unit tests"
    )]
    Regex::new(r"^([0-9]+(?:\.[0-9]+)?)(.*)$").unwrap()
});

/// Chinese magnitudes a unit may start with, longest first (千瓦 is a unit, not a thousand 瓦:
/// only 千亿 and 千万 are magnitudes).
const MAGNITUDES: [(&str, f64); 7] = [
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("千万", 1e7),
    ("百万", 1e6),
    ("万", 1e4),
    ("亿", 1e8),
];

impl Quantity {
    /// Reads a value as a plan writes it, with an optional separate unit: `35` + `%`, `28%`,
    /// `1.8万` + `辆`, `1.8` + `万辆`, `160亿元`, `0.8:1`, `一倍` / `1倍` (= +100%).
    pub fn parse(value: &str, unit: Option<&str>) -> Result<Self, QuantityError> {
        // NFKC folds full-width digits, `％` and the ratio colon U+2236 (∶ → :).
        let value = fold(value).replace('∶', ":");
        let unit = unit.map(fold).unwrap_or_default();
        if let Some(caps) = RATIO.captures(&value) {
            let (a, b) = (parse_f64(&caps[1])?, parse_f64(&caps[2])?);
            if b == 0.0 {
                return Err(QuantityError::NotANumber(value));
            }
            return Ok(Self {
                value: a / b,
                unit: Unit::Ratio,
            });
        }
        let (number, rest) = match NUMBER.captures(&value) {
            Some(caps) => (parse_f64(&caps[1])?, caps[2].to_string()),
            None => split_chinese_numeral(&value)?,
        };
        let written_unit = format!("{rest}{unit}");
        Self::with_unit(number, &written_unit)
    }

    fn with_unit(number: f64, unit: &str) -> Result<Self, QuantityError> {
        let (scale, base) = MAGNITUDES
            .iter()
            .find_map(|(prefix, scale)| unit.strip_prefix(prefix).map(|base| (*scale, base)))
            .unwrap_or((1.0, unit));
        let quantity = match base {
            "%" => Self {
                value: number * scale,
                unit: Unit::Percent,
            },
            "倍" => Self {
                value: number * scale * 100.0,
                unit: Unit::Percent,
            },
            "ratio" | "比" => Self {
                value: number * scale,
                unit: Unit::Ratio,
            },
            "" if scale == 1.0 => return Err(QuantityError::MissingUnit),
            "" => Self {
                value: number * scale,
                unit: Unit::Count(String::new()),
            },
            other => Self {
                value: number * scale,
                unit: Unit::Count(other.to_string()),
            },
        };
        // A figure too large for a number (1e300亿) is not a target, not infinity.
        if !quantity.value.is_finite() {
            return Err(QuantityError::NotANumber(format!("{number}{unit}")));
        }
        Ok(quantity)
    }

    /// Whether two quantities measure the same thing and can be compared (in one unit once
    /// converted: 0.035毫克/立方米 and 35微克/立方米).
    #[must_use]
    pub fn is_comparable(&self, other: &Self) -> bool {
        self.unit.canonical().0 == other.unit.canonical().0
    }

    /// The quantity in its dimension's comparison unit: 5.25 EFlops as 5250 PFlops.
    #[must_use]
    pub fn canonical(&self) -> Quantity {
        let (unit, factor) = self.unit.canonical();
        Quantity {
            value: self.value * factor,
            unit,
        }
    }
}

/// Units written for one dimension in several sizes, and the one they are compared in:
/// (written, compared in, how many of the latter one of the former is). Latin units match in
/// any case (Eflops, EFLOPS).
const CONVERSIONS: [(&str, &str, f64); 9] = [
    ("毫克/立方米", "微克/立方米", 1000.0),
    ("千克", "吨", 0.001),
    ("公斤", "吨", 0.001),
    ("兆瓦时", "千瓦时", 1000.0),
    ("兆瓦", "千瓦", 1000.0),
    ("吉瓦", "千瓦", 1e6),
    ("EFlops", "PFlops", 1000.0),
    ("TFlops", "PFlops", 0.001),
    ("PFlops", "PFlops", 1.0),
];

/// A unit of the conversion table as the table spells it (for messages that show a
/// conversion), or `None` for a unit it does not list.
#[must_use]
pub fn static_unit(unit: &str) -> Option<&'static str> {
    CONVERSIONS.iter().find_map(|(from, to, _)| {
        if unit.eq_ignore_ascii_case(from) {
            Some(*from)
        } else if unit.eq_ignore_ascii_case(to) {
            Some(*to)
        } else {
            None
        }
    })
}

/// Units whose figure means the same in a county as in its province: a level per unit of
/// something (浓度 in 微克/立方米, 能耗 in 吨标准煤/万元), a duration (天数), a score. A count, an
/// amount of money, a mass or an energy total (亿度电 too) is a jurisdiction's own and adds up to its
/// parent's.
const RELATIVE_UNITS: [&str; 5] = ["百分点", "天", "小时", "分钟", "岁"];

impl Unit {
    /// The unit figures of this unit are compared in, and the factor to it.
    #[must_use]
    pub fn canonical(&self) -> (Unit, f64) {
        let Unit::Count(written) = self else {
            return (self.clone(), 1.0);
        };
        CONVERSIONS
            .iter()
            .find(|(from, _, _)| written == from || written.eq_ignore_ascii_case(from))
            .map_or_else(
                || (self.clone(), 1.0),
                |(_, to, factor)| (Unit::Count((*to).to_string()), *factor),
            )
    }

    /// Whether a figure in this unit is relative (a rate, a level per unit, a duration) rather
    /// than a jurisdiction's own total (a count, money, a mass, an energy).
    #[must_use]
    pub fn is_relative(&self) -> bool {
        match self {
            Unit::Percent | Unit::Ratio => true,
            Unit::Count(unit) => unit.contains('/') || RELATIVE_UNITS.contains(&unit.as_str()),
        }
    }

    /// Whether the unit counts days (重污染天数 N天).
    #[must_use]
    pub fn is_days(&self) -> bool {
        matches!(self, Unit::Count(unit) if unit == "天")
    }
}

fn parse_f64(text: &str) -> Result<f64, QuantityError> {
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| QuantityError::NotANumber(text.to_string()))
}

/// `一倍`, `两倍`, `十` …: the small Chinese numerals that appear in targets.
fn split_chinese_numeral(text: &str) -> Result<(f64, String), QuantityError> {
    super::numeral::split_leading(text)
        .map(|(value, rest)| (f64::from(value), rest.to_string()))
        .ok_or_else(|| QuantityError::NotANumber(text.to_string()))
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.unit {
            Unit::Percent => write!(f, "{}%", format_number(self.value)),
            Unit::Ratio => write!(f, "{}:1", format_number(self.value)),
            Unit::Count(unit) => {
                if self.value >= 1e12 && (self.value / 1e12 * 1e4).fract() < 1e-9 {
                    write!(f, "{}万亿{unit}", format_number(self.value / 1e12))
                } else if self.value >= 1e8 && (self.value / 1e8).fract() < 1e-9 {
                    write!(f, "{}亿{unit}", format_number(self.value / 1e8))
                } else if self.value >= 1e4 {
                    write!(f, "{}万{unit}", format_number(self.value / 1e4))
                } else {
                    write!(f, "{}{unit}", format_number(self.value))
                }
            }
        }
    }
}

/// A number without trailing zeros (`75`, `0.8`, `59.5`).
#[must_use]
pub fn format_number(value: f64) -> String {
    let rounded = (value * 1e6).round() / 1e6;
    let text = format!("{rounded}");
    text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(value: &str, unit: Option<&str>) -> Quantity {
        Quantity::parse(value, unit).unwrap()
    }

    #[test]
    fn percentages_and_multiples() {
        assert_eq!(
            q("35", Some("%")),
            Quantity {
                value: 35.0,
                unit: Unit::Percent
            }
        );
        assert_eq!(q("28%", None), q("28", Some("%")));
        assert_eq!(q("３５％", None).value, 35.0);
        assert_eq!(
            q("一倍", None),
            Quantity {
                value: 100.0,
                unit: Unit::Percent
            }
        );
        assert_eq!(q("1", Some("倍")), q("100", Some("%")));
        assert_eq!(q("两倍", None).value, 200.0);
    }

    #[test]
    fn magnitudes_scale_to_base_units() {
        assert_eq!(
            q("1.8", Some("万辆")),
            Quantity {
                value: 18000.0,
                unit: Unit::Count("辆".into())
            }
        );
        assert_eq!(q("1.8万", Some("辆")), q("18000", Some("辆")));
        assert_eq!(q("160亿元", None).value, 1.6e10);
        // Finite before 亿, infinite after: refused, not `inf万元`.
        assert!(Quantity::parse(&"9".repeat(305), Some("亿元")).is_err());
        assert_eq!(q("160", Some("亿元")).to_string(), "160亿元");
        assert_eq!(q("18000", Some("辆")).to_string(), "1.8万辆");
    }

    #[test]
    fn ratios_in_every_colon() {
        for written in ["0.8:1", "0.8∶1", "0.8：1", "0.8: 1"] {
            assert_eq!(
                q(written, None),
                Quantity {
                    value: 0.8,
                    unit: Unit::Ratio
                },
                "{written}"
            );
        }
        assert_eq!(q("0.8", Some("ratio")).to_string(), "0.8:1");
    }

    #[test]
    fn sizes_of_one_dimension_compare_in_one_unit() {
        assert!(q("5.25", Some("EFlops")).is_comparable(&q("5000", Some("PFlops"))));
        assert_eq!(q("5.25", Some("Eflops")).canonical().value, 5250.0);
        assert_eq!(
            q("0.035", Some("毫克/立方米")).canonical(),
            q("35", Some("微克/立方米"))
        );
        assert_eq!(q("3", Some("万千瓦")).canonical().value, 30000.0);
        assert!(!q("3", Some("吨")).is_comparable(&q("3", Some("吨标准煤"))));
    }

    #[test]
    fn rates_levels_and_durations_are_relative_and_totals_are_not() {
        for unit in ["%", "微克/立方米", "吨标准煤/万元", "天", "百分点"] {
            assert!(q("1", Some(unit)).unit.is_relative(), "{unit}");
        }
        for unit in ["辆", "亿元", "万吨", "吨标准煤", "千瓦时", "PFlops", "个"] {
            assert!(!q("1", Some(unit)).unit.is_relative(), "{unit}");
        }
    }

    #[test]
    fn bad_values_are_errors() {
        assert!(Quantity::parse("许多", Some("%")).is_err());
        assert_eq!(Quantity::parse("12", None), Err(QuantityError::MissingUnit));
        assert!(Quantity::parse("1:0", None).is_err());
    }
}
