/// Where a text's anchor point sits relative to the text, horizontally and vertically.
///
/// Vertical placement uses the font's ascent and descent rather than each string's ink,
/// so labels on one axis share a baseline whether or not they contain descenders.
public struct TextAnchor: Equatable, Sendable {
    /// Which part of the text's advance width sits at the anchor point.
    public enum Horizontal: Sendable { case left, center, right }
    /// Which line of the font (ascent, centre of ascent and descent, baseline, descent)
    /// sits at the anchor point.
    public enum Vertical: Sendable { case top, middle, baseline, bottom }

    public var horizontal: Horizontal
    public var vertical: Vertical

    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    public static let leftBaseline = TextAnchor(.left, .baseline)
}
