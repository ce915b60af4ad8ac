//! Reviews held in memory for their page and downloads: a bounded number, each for a bounded
//! time, under an unguessable id. Nothing is written to disk.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::review::Review;

#[derive(Debug)]
pub(crate) struct Store {
    held: Mutex<VecDeque<(String, Arc<Review>)>>,
    capacity: usize,
    ttl: Duration,
}

impl Store {
    #[must_use]
    pub(crate) fn new(capacity: usize, ttl: Duration) -> Self {
        Self {
            held: Mutex::new(VecDeque::new()),
            capacity: capacity.max(1),
            ttl,
        }
    }

    /// Keeps `review` and gives its id; the oldest review goes when the store is full.
    pub(crate) fn keep(&self, review: Review) -> Option<String> {
        let id = new_id()?;
        let mut held = self.lock();
        Self::expire(&mut held, self.ttl);
        while held.len() >= self.capacity {
            held.pop_front();
        }
        held.push_back((id.clone(), Arc::new(review)));
        Some(id)
    }

    /// The review of `id`, while it is held.
    pub(crate) fn get(&self, id: &str) -> Option<Arc<Review>> {
        let mut held = self.lock();
        Self::expire(&mut held, self.ttl);
        held.iter()
            .find(|(known, _)| known == id)
            .map(|(_, review)| Arc::clone(review))
    }

    /// Reviews held now.
    pub(crate) fn len(&self) -> usize {
        self.lock().len()
    }

    fn expire(held: &mut VecDeque<(String, Arc<Review>)>, ttl: Duration) {
        while held
            .front()
            .is_some_and(|(_, review)| review.created.elapsed() > ttl)
        {
            held.pop_front();
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<(String, Arc<Review>)>> {
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
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
