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

/// Where a text's anchor point sits relative to the text, horizontally and vertically.
///
/// Vertical placement uses the font's ascent and descent rather than each string's ink,
/// so labels on one axis share a baseline whether or not they contain descenders.
public struct TextAnchor: Equatable, Sendable {
    public enum Horizontal: Sendable { case left, center, right }
    public enum Vertical: Sendable { case top, middle, baseline, bottom }

    public var horizontal: Horizontal
    public var vertical: Vertical

    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    public static let leftBaseline = TextAnchor(.left, .baseline)
}
