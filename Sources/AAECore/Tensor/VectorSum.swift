/// Deterministic, vectorised sums for the loss reductions.
///
/// A plain running sum cannot be vectorised (floating-point addition is not
/// associative, so the compiler must keep the order). This sum uses sixteen
/// fixed lanes: the order of additions depends only on the count, so the result
/// is the same on every run, and the loop compiles to SIMD instructions.
public enum VectorSum {
    /// `Σᵢ values[i]` for `i` in `0..<count`, in 16 Float lanes combined in Double.
    public static func sum(_ values: UnsafePointer<Float>, count: Int) -> Double {
        var lanes = SIMD16<Float>(repeating: 0)
        let whole = count & ~15
        var i = 0
        while i < whole {
            lanes += UnsafeRawPointer(values + i).loadUnaligned(as: SIMD16<Float>.self)
            i += 16
        }
        var total: Double = 0
        for lane in 0..<16 { total += Double(lanes[lane]) }
        while i < count {
            total += Double(values[i])
            i += 1
        }
        return total
    }
}
