/// A stack of unsigned-byte images exactly as stored in an IDX file (magic 0x00000803).
///
/// Kept as raw bytes so the caller chooses the pixel scale (see `PixelScale`).
public struct IDXImages: Equatable, Sendable {
    public let count: Int
    public let rows: Int
    public let cols: Int
    /// `count × rows × cols` bytes, image after image, each row-major.
    public let pixels: [UInt8]

    public init(count: Int, rows: Int, cols: Int, pixels: [UInt8]) {
        precondition(count >= 0 && rows >= 0 && cols >= 0, "IDXImages dimensions must be non-negative")
        precondition(pixels.count == count * rows * cols,
                     "IDXImages needs \(count * rows * cols) pixels, got \(pixels.count)")
        self.count = count
        self.rows = rows
        self.cols = cols
        self.pixels = pixels
    }
}
