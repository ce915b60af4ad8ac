//! Reviews held in memory for their page and downloads: a bounded number of bounded total size,
//! each for a bounded time, under an unguessable id. Nothing is written to disk.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::review::Review;

#[derive(Debug)]
pub(crate) struct Store {
    /// Oldest first.
    held: Mutex<VecDeque<Held>>,
    capacity: usize,
    max_bytes: usize,
    ttl: Duration,
}

/// A review with its id and the memory it holds (measured once, when it is kept).
#[derive(Debug)]
struct Held {
    id: String,
    review: Arc<Review>,
    bytes: usize,
}

impl Store {
    #[must_use]
    pub(crate) fn new(capacity: usize, max_bytes: usize, ttl: Duration) -> Self {
        Self {
            held: Mutex::new(VecDeque::new()),
            capacity: capacity.max(1),
            max_bytes,
            ttl,
        }
    }

    /// Keeps `review` and gives its id; the oldest reviews go while the store is full (the
    /// newest is always kept, whatever its size, so its page can be shown once).
    pub(crate) fn keep(&self, review: Review) -> Option<String> {
        let id = new_id()?;
        let mut held = self.lock();
        Self::expire(&mut held, self.ttl);
        let kept = Held {
            id: id.clone(),
            bytes: review.bytes(),
            review: Arc::new(review),
        };
        let mut bytes: usize = held.iter().map(|h| h.bytes).sum::<usize>() + kept.bytes;
        while !held.is_empty() && (held.len() >= self.capacity || bytes > self.max_bytes) {
            if let Some(gone) = held.pop_front() {
                bytes = bytes.saturating_sub(gone.bytes);
            }
        }
        held.push_back(kept);
        Some(id)
    }

    /// The review of `id`, while it is held.
    pub(crate) fn get(&self, id: &str) -> Option<Arc<Review>> {
        let mut held = self.lock();
        Self::expire(&mut held, self.ttl);
        held.iter()
            .find(|h| h.id == id)
            .map(|h| Arc::clone(&h.review))
    }

    /// Reviews held now.
    pub(crate) fn len(&self) -> usize {
        self.lock().len()
    }

    fn expire(held: &mut VecDeque<Held>, ttl: Duration) {
        while held
            .front()
            .is_some_and(|h| h.review.created.elapsed() > ttl)
        {
            held.pop_front();
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<Held>> {
        match self.held.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        }
    }
}

/// 128 random bits from the operating system, as hex: a review's page is reachable only by
/// whoever was given its address.
fn new_id() -> Option<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).ok()?;
    Some(format!("{:032x}", u128::from_be_bytes(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_reviews_go_when_the_store_is_full_by_count_or_by_size() {
        let store = Store::new(3, 1000, Duration::from_secs(60));
        let ids: Vec<String> = (0..4)
            .filter_map(|i| store.keep(Review::of_json(&format!("{i}"), 100)))
            .collect();
        assert_eq!(store.len(), 3, "three by count");
        assert!(store.get(&ids[0]).is_none());
        assert!(store.get(&ids[3]).is_some());
        // Each holds 200 bytes (two languages): 1000 bytes take four, but the count says three.
        let big = store.keep(Review::of_json("big", 450));
        assert_eq!(store.len(), 1, "900 bytes leave room for nothing else");
        assert!(big.is_some_and(|id| store.get(&id).is_some()));
        let huge = store.keep(Review::of_json("huge", 5000));
        assert_eq!(store.len(), 1, "the newest is kept, whatever its size");
        assert!(huge.is_some_and(|id| store.get(&id).is_some()));
    }

    #[test]
    fn a_review_expires() {
        let store = Store::new(3, 1000, Duration::ZERO);
        let id = store.keep(Review::of_json("old", 1));
        std::thread::sleep(Duration::from_millis(5));
        assert!(id.is_some_and(|id| store.get(&id).is_none()));
    }
}
