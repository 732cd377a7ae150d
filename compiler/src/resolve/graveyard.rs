//! Values dropped on a thread of their own.
//!
//! A large check takes its syntax trees apart while it resolves them
//! (`resolve_consuming`): each declaration is freed once it has entered the
//! model. Freeing a million small allocations costs a tenth of the
//! resolution's time, on the thread everything else waits for, while the
//! other core is idle. The graveyard hands them, in batches, to a thread that
//! only drops them. Memory is freed nearly as early (at most a few batches
//! later), and the thread is only started when something is buried.

use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::Scope;

/// How many values travel to the dropping thread together: large enough
/// that sending costs nothing next to dropping, small enough that memory is
/// freed soon.
const BATCH: usize = 256;

/// How many batches may wait for the dropping thread before burying blocks
/// (so a slow dropper cannot make memory grow).
const WAITING_BATCHES: usize = 2;

/// Drops the values buried in it on a scoped thread (see the module doc).
pub(super) struct Graveyard<'scope, 'env, T: Send + 'static> {
    scope: &'scope Scope<'scope, 'env>,
    batch: Vec<T>,
    dropper: Option<SyncSender<Vec<T>>>,
}

impl<'scope, 'env, T: Send + 'static> Graveyard<'scope, 'env, T> {
    pub(super) fn new(scope: &'scope Scope<'scope, 'env>) -> Self {
        Graveyard {
            scope,
            batch: Vec::new(),
            dropper: None,
        }
    }

    /// Drops `value` later, on the dropping thread.
    pub(super) fn bury(&mut self, value: T) {
        if self.batch.capacity() == 0 {
            self.batch.reserve_exact(BATCH);
        }
        self.batch.push(value);
        if self.batch.len() >= BATCH {
            self.send();
        }
    }

    fn send(&mut self) {
        let batch = std::mem::take(&mut self.batch);
        let dropper = self.dropper.get_or_insert_with(|| {
            let (sender, receiver) = sync_channel::<Vec<T>>(WAITING_BATCHES);
            self.scope
                .spawn(move || receiver.into_iter().for_each(drop));
            sender
        });
        // The dropping thread only ends when the sender is gone; should it
        // have died, the batch comes back and is dropped here.
        if let Err(returned) = dropper.send(batch) {
            drop(returned.0);
        }
    }
}

impl<T: Send + 'static> Drop for Graveyard<'_, '_, T> {
    fn drop(&mut self) {
        if !self.batch.is_empty() && self.dropper.is_some() {
            self.send();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    /// Counts its drops, and on which thread they happened.
    struct Counted(Arc<AtomicUsize>, std::thread::ThreadId, Arc<AtomicUsize>);

    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::SeqCst);
            if std::thread::current().id() != self.1 {
                self.2.fetch_add(1, Ordering::SeqCst);
            }
        }
    }

    #[test]
    fn every_buried_value_is_dropped_once_the_scope_ends() {
        let dropped = Arc::new(AtomicUsize::new(0));
        let elsewhere = Arc::new(AtomicUsize::new(0));
        let here = std::thread::current().id();
        let count = BATCH * 2 + 7;
        std::thread::scope(|scope| {
            let mut graveyard = Graveyard::new(scope);
            for _ in 0..count {
                graveyard.bury(Counted(dropped.clone(), here, elsewhere.clone()));
            }
        });
        assert_eq!(dropped.load(Ordering::SeqCst), count);
        assert_eq!(elsewhere.load(Ordering::SeqCst), count);
    }

    #[test]
    fn a_few_values_are_dropped_where_they_are_without_a_thread() {
        let dropped = Arc::new(AtomicUsize::new(0));
        let elsewhere = Arc::new(AtomicUsize::new(0));
        let here = std::thread::current().id();
        std::thread::scope(|scope| {
            let mut graveyard = Graveyard::new(scope);
            graveyard.bury(Counted(dropped.clone(), here, elsewhere.clone()));
        });
        assert_eq!(dropped.load(Ordering::SeqCst), 1);
        assert_eq!(elsewhere.load(Ordering::SeqCst), 0);
    }
}
