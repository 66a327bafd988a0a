/// How a piece of text is set: size in pixels and weight, always in the DejaVu Sans family.
///
/// One fixed, widely available family keeps figures identical on every machine that has
/// the DejaVu fonts installed.
public struct TextStyle: Equatable, Sendable {
    /// The cairo font family used for all text.
    public static let fontFamily = "DejaVu Sans"

    /// Font size in pixels (cairo user-space units).
    public var size: Double
    public var isBold: Bool

    public init(size: Double, isBold: Bool = false) {
        self.size = size
        self.isBold = isBold
    }
}
