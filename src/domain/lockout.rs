//! Locking out guessing: too many failed attempts in a short time close the door for a while.

/// How many failures within how long lock a key (an email, a binding) for how long. Times in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockoutPolicy {
    /// Failures that trigger the lock.
    pub attempts: usize,
    /// The span those failures must fall within.
    pub window_secs: i64,
    /// How long the lock lasts from the last counted failure.
    pub lock_secs: i64,
}

impl LockoutPolicy {
    /// Five failures within 15 minutes lock for 15 minutes.
    pub const SIGN_IN: LockoutPolicy = LockoutPolicy {
        attempts: 5,
        window_secs: 15 * 60,
        lock_secs: 15 * 60,
    };

    /// How far back failures matter to [`Self::locked_until`].
    pub fn lookback_secs(&self) -> i64 {
        self.window_secs + self.lock_secs
    }

    /// When the lock ends, if `failures` (unix seconds, oldest first) lock the key at `now`.
    /// While locked no further failures are recorded, so the lock never extends itself.
    pub fn locked_until(&self, failures: &[i64], now: i64) -> Option<i64> {
        if self.attempts == 0 || failures.len() < self.attempts {
            return None;
        }
        failures
            .windows(self.attempts)
            .filter(|run| run[self.attempts - 1] - run[0] <= self.window_secs)
            .map(|run| run[self.attempts - 1] + self.lock_secs)
            .max()
            .filter(|until| *until > now)
    }

    /// Whole minutes left until `until`, rounded up, at least 1.
    pub fn minutes_left(until: i64, now: i64) -> u32 {
        (((until - now).max(1) + 59) / 60) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: LockoutPolicy = LockoutPolicy::SIGN_IN;
    const MIN: i64 = 60;

    #[test]
    fn four_failures_do_not_lock() {
        assert_eq!(P.locked_until(&[0, 1, 2, 3], 4), None);
    }

    #[test]
    fn the_fifth_failure_within_15_minutes_locks_for_15_minutes() {
        let f = [0, MIN, 2 * MIN, 3 * MIN, 14 * MIN];
        assert_eq!(P.locked_until(&f, 14 * MIN), Some(29 * MIN));
        assert_eq!(P.locked_until(&f, 29 * MIN - 1), Some(29 * MIN));
        assert_eq!(P.locked_until(&f, 29 * MIN), None);
    }

    #[test]
    fn the_lock_holds_after_the_first_failure_leaves_the_window() {
        let f = [0, MIN, 2 * MIN, 3 * MIN, 14 * MIN];
        assert!(P.locked_until(&f, 16 * MIN).is_some());
    }

    #[test]
    fn failures_spread_over_more_than_15_minutes_do_not_lock() {
        let f = [0, 4 * MIN, 8 * MIN, 12 * MIN, 16 * MIN];
        assert_eq!(P.locked_until(&f, 16 * MIN), None);
    }

    #[test]
    fn minutes_left_round_up() {
        assert_eq!(LockoutPolicy::minutes_left(15 * MIN, 0), 15);
        assert_eq!(LockoutPolicy::minutes_left(61, 0), 2);
        assert_eq!(LockoutPolicy::minutes_left(5, 10), 1);
    }
}
