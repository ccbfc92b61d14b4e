//! Answers shared by every visitor, kept for a few seconds: in a storm thousands of people open
//! the outage page within minutes, and they all see the same notices, so the database is asked
//! once per period, not once per visitor.

use crate::server::store::{Store, StoreError, repairs::OutageRow};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

/// How long the outage notices are answered from memory. A change made on this server shows at
/// once (`forget`); one made on another server shows here within this many seconds.
pub const OUTAGES_FRESH_SECS: i64 = 5;

/// The outage notices that are not over, as last read from the database.
#[derive(Default)]
pub struct OutageCache {
    kept: RwLock<Option<Kept>>,
    /// One reader at a time: the visitors who find the notices stale wait for that one read.
    reading: tokio::sync::Mutex<()>,
    /// Bumped by `forget`, so a read that began before a change does not keep its old rows.
    generation: AtomicU64,
    reads: AtomicU64,
}

struct Kept {
    at: i64,
    rows: Arc<Vec<OutageRow>>,
}

impl OutageCache {
    /// The notices not over at `now` (unix seconds), from memory when read within the last
    /// `OUTAGES_FRESH_SECS`.
    pub async fn not_over(
        &self,
        store: &Store,
        now: i64,
    ) -> Result<Arc<Vec<OutageRow>>, StoreError> {
        if let Some(rows) = self.fresh(now) {
            return Ok(rows);
        }
        let _one = self.reading.lock().await;
        if let Some(rows) = self.fresh(now) {
            return Ok(rows);
        }
        let generation = self.generation.load(Ordering::Acquire);
        let rows = Arc::new(store.outages_not_over(now).await?);
        self.reads.fetch_add(1, Ordering::Relaxed);
        if self.generation.load(Ordering::Acquire) == generation
            && let Ok(mut kept) = self.kept.write()
        {
            *kept = Some(Kept {
                at: now,
                rows: rows.clone(),
            });
        }
        Ok(rows)
    }

    fn fresh(&self, now: i64) -> Option<Arc<Vec<OutageRow>>> {
        let kept = self.kept.read().ok()?;
        let k = kept.as_ref()?;
        (now >= k.at && now - k.at < OUTAGES_FRESH_SECS).then(|| k.rows.clone())
    }

    /// Drops the kept notices: staff published or changed one.
    pub fn forget(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        if let Ok(mut kept) = self.kept.write() {
            *kept = None;
        }
    }

    /// How many times the notices were read from the database (for tests and the benchmark).
    pub fn database_reads(&self) -> u64 {
        self.reads.load(Ordering::Relaxed)
    }
}
