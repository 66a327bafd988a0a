/// The colours figures use: a categorical palette for classes and series, and a
/// sequential colormap for continuous values.
///
/// The values are matplotlib's `tab10` and `viridis`, so figures look familiar next to
/// those of the papers they are compared with.
public enum Palette {
    /// matplotlib's `tab10`: ten distinct colours for up to ten classes or series.
    public static let categorical: [Color] = [
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD,
        0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF,
    ].map { Color(hex: $0) }

    /// The categorical colour for `index`; indices beyond ten repeat the palette.
    public static func categorical(_ index: Int) -> Color {
        let count = categorical.count
        return categorical[((index % count) + count) % count]
    }

    /// viridis sampled at nine evenly spaced points, from dark purple (0) to yellow (1).
    private static let viridisAnchors: [Color] = [
        0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C,
        0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725,
    ].map { Color(hex: $0) }

    /// The viridis colour at `t`, clamped to 0...1, linearly interpolated between anchors;
    /// NaN maps to the low end.
    public static func viridis(_ t: Double) -> Color {
        let clamped = t.isNaN ? 0 : min(max(t, 0), 1)
        let scaled = clamped * Double(viridisAnchors.count - 1)
        let lower = min(Int(scaled), viridisAnchors.count - 2)
        return viridisAnchors[lower].interpolated(to: viridisAnchors[lower + 1], fraction: scaled - Double(lower))
    }
}
