//! How many checks run at once and how many wait: a check past both is turned away at once
//! (503 with Retry-After) rather than queued without end, so a burst of uploads never makes the
//! service run out of memory or answer everyone late.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Checks running and waiting.
#[derive(Debug)]
pub(crate) struct Admission {
    running: Arc<Semaphore>,
    /// Checks admitted: running or waiting for a worker.
    admitted: Arc<AtomicUsize>,
    capacity: usize,
}

/// A check's place: held while it runs, released when dropped (even when the check outlives
/// its request after a timeout).
#[derive(Debug)]
pub(crate) struct Ticket {
    _permit: OwnedSemaphorePermit,
    _admitted: Admitted,
}

#[derive(Debug)]
struct Admitted(Arc<AtomicUsize>);

impl Drop for Admitted {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The service is full: the answer is 503.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Busy;

impl Admission {
    #[must_use]
    pub(crate) fn new(workers: usize, queue: usize) -> Self {
        let workers = workers.max(1);
        Self {
            running: Arc::new(Semaphore::new(workers)),
            admitted: Arc::new(AtomicUsize::new(0)),
            capacity: workers + queue,
        }
    }

    /// Waits for a worker, or says at once that every worker and every place in the queue is
    /// taken.
    pub(crate) async fn enter(&self) -> Result<Ticket, Busy> {
        let taken = self.admitted.fetch_add(1, Ordering::SeqCst);
        let admitted = Admitted(Arc::clone(&self.admitted));
        if taken >= self.capacity {
            return Err(Busy);
        }
        let permit = Arc::clone(&self.running)
            .acquire_owned()
            .await
            .map_err(|_| Busy)?;
        Ok(Ticket {
            _permit: permit,
            _admitted: admitted,
        })
    }

    /// Checks running or waiting now.
    #[must_use]
    pub(crate) fn load(&self) -> usize {
        self.admitted.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn past_the_workers_and_the_queue_the_answer_is_busy() {
        let admission = Admission::new(1, 1);
        let first = admission.enter().await;
        assert!(first.is_ok());
        // The second waits for the worker: admitted, not yet running.
        let second = admission.enter();
        tokio::pin!(second);
        assert!(
            tokio::time::timeout(std::time::Duration::from_millis(20), &mut second)
                .await
                .is_err(),
            "the second waits while the first runs"
        );
        assert!(admission.enter().await.is_err(), "the third is turned away");
        drop(first);
        assert!(
            second.await.is_ok(),
            "the second runs once the first is done"
        );
        assert_eq!(admission.load(), 0);
    }
}
