//! The order findings are written in: the stable output order (by file, place, code and
//! message), and the order people read them in.

use super::Diagnostic;

/// Sorts findings into the stable output order and drops exact repeats.
pub fn sort(diagnostics: &mut Vec<Diagnostic>, sources: &crate::model::Sources) {
    use rayon::slice::ParallelSliceMut;
    let path = |d: &Diagnostic| d.source.map(|s| sources.get(s).shown_path());
    // The findings' places are sorted, then the findings moved to them: a stable sort of the
    // findings themselves would hold half of them again as scratch (a national corpus's
    // findings are tens of megabytes).
    let mut order: Vec<usize> = (0..diagnostics.len()).collect();
    // Stable, on every core: the same order as one core's stable sort.
    order.par_sort_by(|&a, &b| {
        let (a, b) = (&diagnostics[a], &diagnostics[b]);
        path(a)
            .cmp(&path(b))
            .then_with(|| a.sort_key().cmp(&b.sort_key()))
    });
    permute(diagnostics, &mut order);
    diagnostics.dedup();
}

/// Puts `items[order[i]]` at `i`, in place, following each cycle of the permutation; `order`
/// is left with every entry its own index.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            items.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

/// The order people read findings in, in the terminal and in the HTML report: errors first,
/// then warnings, then notes, each in the stable output order, so what fails the run comes
/// first.
pub fn reading_order<'a>(
    findings: impl IntoIterator<Item = &'a Diagnostic>,
) -> Vec<&'a Diagnostic> {
    let mut ordered: Vec<&Diagnostic> = findings.into_iter().collect();
    ordered.sort_by_key(|d| d.severity);
    ordered
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn a_permutation_moves_each_item_to_its_place_in_the_order() {
        // Cycles of length one, two and three, and an order that is its own inverse.
        for order in [
            vec![0, 1, 2, 3, 4, 5],
            vec![1, 0, 2, 4, 5, 3],
            vec![5, 4, 3, 2, 1, 0],
            vec![2, 0, 1, 5, 3, 4],
        ] {
            let mut items: Vec<char> = "abcdef".chars().collect();
            let wanted: Vec<char> = order.iter().map(|&i| items[i]).collect();
            let mut scratch = order.clone();
            permute(&mut items, &mut scratch);
            assert_eq!(items, wanted, "order {order:?}");
        }
    }
}
