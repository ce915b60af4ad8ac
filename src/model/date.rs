//! Calendar dates (成文日期), written `2024-07-23` in plan files.

use std::fmt;
use std::str::FromStr;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date of the form YYYY-MM-DD")]
pub struct NotADate;

impl FromStr for Date {
    type Err = NotADate;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut parts = text.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(NotADate);
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(NotADate);
        }
        let year: u16 = y.parse().map_err(|_| NotADate)?;
        let month: u8 = m.parse().map_err(|_| NotADate)?;
        let day: u8 = d.parse().map_err(|_| NotADate)?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(NotADate);
        }
        Ok(Self { year, month, day })
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_validate() {
        assert_eq!(
            "2024-07-23".parse::<Date>().unwrap().to_string(),
            "2024-07-23"
        );
        assert!("2024-02-29".parse::<Date>().is_ok());
        for bad in ["2023-02-29", "2024-13-01", "2024-7-23", "24-07-23", ""] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }
}
