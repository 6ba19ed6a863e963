//! Order-keeping parallel map over the machine's cores.

/// Maps `f` over `items` on every core, keeping the order; small inputs stay
/// on one thread, where starting threads would cost more than it saves.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    const SEQUENTIAL_BELOW: usize = 512;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads == 1 || items.len() < SEQUENTIAL_BELOW {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Maps `f` over `items` on every core, keeping the order, for items that
/// each cost far more than starting a thread (a whole article): parallel
/// from two items on, and each thread takes the next item when it is done,
/// so that one long item does not hold a thread's share of the rest.
pub fn par_map_each<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(&f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else {
                            return done;
                        };
                        done.push((i, f(item)));
                    }
                })
            })
            .collect();
        for handle in handles {
            let done = handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (i, result) in done {
                slots[i] = Some(result);
            }
        }
    });
    // Every index below the length was taken by exactly one thread.
    slots.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn par_map_each_keeps_the_order_of_uneven_items() {
        let items: Vec<u64> = (0..100).map(|i| (i * 7919) % 101).collect();
        let mapped = par_map_each(&items, |&n| {
            // Uneven work, so that threads finish items out of order.
            std::hint::black_box((0..n * 1000).map(|k| k % 3).sum::<u64>());
            n
        });
        assert_eq!(mapped, items);
        assert_eq!(par_map_each(&[5u8], |&n| n + 1), vec![6]);
        assert!(par_map_each(&[] as &[u8], |&n| n).is_empty());
    }
}
