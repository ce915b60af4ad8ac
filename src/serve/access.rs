//! Access with `--token`: office systems send `Authorization: Bearer TOKEN`; a reviewer types
//! it once into the password page, which sets a cookie (its SHA-256, HttpOnly, SameSite=Strict,
//! so another site's page cannot submit with it). This file says whether a request carries
//! either; `app` turns the others away.

use axum::http::{HeaderMap, header};
use sha2::Digest as _;

/// The cookie the password page sets.
pub(crate) const COOKIE: &str = "planlint_session";

/// Whether `headers` carry the token, as a bearer token or as the password page's cookie.
pub(crate) fn carries(headers: &HeaderMap, token: &str) -> bool {
    let bearer = headers
        .get_all(header::AUTHORIZATION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.strip_prefix("Bearer "))
        .any(|given| same(given.trim().as_bytes(), token.as_bytes()));
    let session = session_of(token);
    let cookie = cookies(headers, COOKIE).any(|given| same(given.as_bytes(), session.as_bytes()));
    bearer || cookie
}

/// The values of the cookie `name` a request carries.
pub(crate) fn cookies<'a>(headers: &'a HeaderMap, name: &'a str) -> impl Iterator<Item = &'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(move |pair| pair.trim().strip_prefix(name)?.strip_prefix('='))
}

/// The cookie's value for `token`.
#[must_use]
pub(crate) fn session_of(token: &str) -> String {
    format!(
        "{:x}",
        sha2::Sha256::digest(format!("planlint session\n{token}").as_bytes())
    )
}

/// Whether a password typed into the page is the token.
#[must_use]
pub(crate) fn is_token(given: &str, token: &str) -> bool {
    same(given.trim().as_bytes(), token.as_bytes())
}

/// Compares in time that does not depend on where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    let longest = a.len().max(b.len());
    let mut differ = u8::from(a.len() != b.len());
    for i in 0..longest {
        differ |= a.get(i).copied().unwrap_or(0) ^ b.get(i).copied().unwrap_or(0);
    }
    differ == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_token_or_its_session_lets_a_request_in() {
        let mut headers = HeaderMap::new();
        assert!(!carries(&headers, "s3cret-token"));
        headers.insert(
            header::AUTHORIZATION,
            "Bearer s3cret-tokeN"
                .parse()
                .unwrap_or_else(|_| unreachable!()),
        );
        assert!(!carries(&headers, "s3cret-token"));
        headers.insert(
            header::AUTHORIZATION,
            "Bearer s3cret-token"
                .parse()
                .unwrap_or_else(|_| unreachable!()),
        );
        assert!(carries(&headers, "s3cret-token"));
        let mut cookies = HeaderMap::new();
        let cookie = format!("lang=en; {COOKIE}={}", session_of("s3cret-token"));
        cookies.insert(
            header::COOKIE,
            cookie.parse().unwrap_or_else(|_| unreachable!()),
        );
        assert!(carries(&cookies, "s3cret-token"));
        assert!(!carries(&cookies, "another-token"));
    }
}
