/// A boxed list of colour keys with names, measured before it is placed.
///
/// Plots first ask for `size(on:)` to reserve room (beside the plot area, or in the emptiest
/// corner of it) and then draw the legend at the chosen top-left corner.
public struct Legend: Sendable {
    /// How an entry's key is drawn: a dot for point clouds, a short line for series.
    public enum Marker: Sendable { case dot, line }

    public struct Entry: Sendable {
        public var name: String
        public var color: Color
        public var marker: Marker

        public init(name: String, color: Color, marker: Marker) {
            self.name = name
            self.color = color
            self.marker = marker
        }
    }

    public var entries: [Entry]
    public var text: TextStyle
    /// Vertical distance between entry baselines, in pixels.
    public var rowHeight: Double

    private let padding: Double = 8
    private let keyWidth: Double = 22

    public init(entries: [Entry], text: TextStyle = TextStyle(size: 13), rowHeight: Double? = nil) {
        self.entries = entries
        self.text = text
        self.rowHeight = rowHeight ?? (text.size * 1.55).rounded()
    }

    /// The size of the box including its padding; zero when there are no entries.
    public func size(on canvas: Canvas) -> CanvasSize {
        guard !entries.isEmpty else { return CanvasSize(width: 0, height: 0) }
        let widestName = entries.map { canvas.textSize($0.name, style: text).width }.max() ?? 0
        return CanvasSize(width: (padding * 2 + keyWidth + widestName).rounded(.up),
                          height: (padding * 2 + rowHeight * Double(entries.count)).rounded(.up))
    }

    /// Draws the legend with its box's top-left corner at `origin`.
    public func draw(on canvas: Canvas, at origin: CanvasPoint) {
        guard !entries.isEmpty else { return }
        let boxSize = size(on: canvas)
        let box = CanvasRect(x: origin.x.rounded() + 0.5, y: origin.y.rounded() + 0.5,
                             width: boxSize.width - 1, height: boxSize.height - 1)
        canvas.fillRect(box, color: Color.white.withAlpha(0.9))
        canvas.strokeRect(box, color: .gray(0.8))
        for (row, entry) in entries.enumerated() {
            let centreY = box.minY + padding + rowHeight * (Double(row) + 0.5)
            let keyCentreX = box.minX + padding + keyWidth / 2 - 2
            switch entry.marker {
            case .dot:
                canvas.fillCircle(center: CanvasPoint(x: keyCentreX, y: centreY), radius: text.size * 0.33,
                                  color: entry.color)
            case .line:
                canvas.line(from: CanvasPoint(x: keyCentreX - 9, y: centreY),
                            to: CanvasPoint(x: keyCentreX + 9, y: centreY), color: entry.color, width: 2.5)
            }
            canvas.text(entry.name, at: CanvasPoint(x: box.minX + padding + keyWidth, y: centreY), style: text,
                        color: .gray(0.1), anchor: TextAnchor(.left, .middle))
        }
    }
}
