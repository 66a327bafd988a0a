/// How a product is cut into blocks, from its shape alone: the same blocks on
/// any number of threads, so a product's bits never depend on the thread count.
///
/// `C = op(A) · op(B)` (`m × n`, inner size `k`) is cut along its longer side
/// of C into blocks of whole rows or whole columns; `k` is never cut, so every
/// element of C is one single-threaded sgemm's dot product over all of `k`.
/// Cutting the columns repacks op(A) once per block and cutting the rows
/// repacks op(B), so the side cut is the one whose other operand is smaller.
/// Each extra block costs one more packing of that operand, a share of the
/// block's work that grows as the block narrows, so a product is cut only
/// when each block keeps at least `minimumWork` multiply-adds and
/// `minimumSide` rows or columns, and into at most `maximumCount` blocks, a
/// power of two (so that 1, 2, 4 and 8 threads share them evenly) of a
/// multiple of `granularity` rows or columns (whole register tiles of the kernels).
public struct GemmBlocking: Equatable, Sendable {
    /// The number of blocks; 1: the product is one sgemm call.
    public let count: Int
    /// Rows (or columns) per block; the last block may have fewer.
    public let size: Int
    /// Whether the blocks are column ranges of C (else row ranges).
    public let alongColumns: Bool

    /// The least multiply-adds a block is given (about 10 µs on one core).
    public static let minimumWork = 1 << 18
    /// The fewest rows or columns a block keeps: a 512-wide layer's products are
    /// cut in four blocks, a 256-wide one's in two, a 1000-wide one's in four.
    public static let minimumSide = 128
    /// The most blocks a product is cut into.
    public static let maximumCount = 8
    /// Block sizes are multiples of this many rows or columns.
    public static let granularity = 16

    public init(m: Int, n: Int, k: Int) {
        alongColumns = n >= m
        let side = alongColumns ? n : m
        let work = m * n * k
        var wanted = 1
        while wanted < Self.maximumCount, work / (wanted * 2) >= Self.minimumWork,
              side / (wanted * 2) >= Self.minimumSide { wanted *= 2 }
        let perBlock = (side + wanted - 1) / wanted
        let rounded = (perBlock + Self.granularity - 1) / Self.granularity * Self.granularity
        size = max(1, min(side, rounded))
        count = side == 0 ? 1 : (side + size - 1) / size
    }
}
