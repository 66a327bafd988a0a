/// Decides whether two CSV cells count as equal under a relative tolerance.
///
/// With tolerance 0 cells must be identical strings, which is what byte-stable result
/// files promise. With a positive tolerance, cells that both read as numbers (including
/// `nan` and `inf`) are equal when `|a − b| ≤ T · max(|a|, |b|)`; `nan` equals `nan`, an
/// infinity equals only the same infinity, and other cells must still be identical.
struct CellComparison: Sendable {
    let tolerance: Double

    init(tolerance: Double) throws {
        guard tolerance.isFinite, tolerance >= 0 else { throw DiffError.invalidTolerance(tolerance) }
        self.tolerance = tolerance
    }

    func areEqual(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard tolerance > 0, let x = Double(a), let y = Double(b) else { return false }
        if x.isNaN || y.isNaN { return x.isNaN && y.isNaN }
        if x.isInfinite || y.isInfinite { return x == y }
        return abs(x - y) <= tolerance * max(abs(x), abs(y))
    }
}
