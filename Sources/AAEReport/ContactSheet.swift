import Foundation

/// PNG figures side by side as thumbnails in a grid, each under its own caption (e.g.
/// "step 500"), to follow one figure through time at a glance.
///
/// Thumbnails keep their aspect ratio inside cells of `cellWidth` × `cellHeight` pixels,
/// filled row by row; a file that cannot be read leaves its cell empty but keeps its caption.
public struct ContactSheet: Plot, Sendable {
    /// One thumbnail: the PNG file and the caption above it.
    public struct Entry: Sendable {
        public var caption: String
        public var path: String

        public init(caption: String, path: String) {
            self.caption = caption
            self.path = path
        }
    }

    public var entries: [Entry]
    /// A heading above the grid; empty for none.
    public var title: String
    public var columns: Int
    public var cellWidth: Double
    public var cellHeight: Double

    public init(entries: [Entry], title: String = "", columns: Int = 5, cellWidth: Double = 400,
                cellHeight: Double = 350) {
        precondition(!entries.isEmpty, "a contact sheet needs at least one image")
        precondition(columns > 0, "a contact sheet needs at least one column")
        self.entries = entries
        self.title = title
        self.columns = min(columns, entries.count)
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
    }

    private static let headingStyle = TextStyle(size: 19, isBold: true)
    private static let captionStyle = TextStyle(size: 15, isBold: true)
    private static let margin: Double = 8
    private static let captionHeight: Double = 22

    public func render() -> Canvas {
        let rows = (entries.count + columns - 1) / columns
        let headingHeight: Double = title.isEmpty ? 0 : 32
        let width = Int((Double(columns) * cellWidth + 2 * Self.margin).rounded(.up))
        let height = Int((headingHeight + Double(rows) * (cellHeight + Self.captionHeight) + 2 * Self.margin)
            .rounded(.up))
        let canvas = Canvas(width: width, height: height)
        if !title.isEmpty {
            canvas.text(title, at: CanvasPoint(x: Double(width) / 2, y: Self.margin), style: Self.headingStyle,
                        color: .gray(0.1), anchor: TextAnchor(.center, .top))
        }
        for (index, entry) in entries.enumerated() {
            let left = Self.margin + Double(index % columns) * cellWidth
            let top = Self.margin + headingHeight + Double(index / columns) * (cellHeight + Self.captionHeight)
            canvas.text(entry.caption, at: CanvasPoint(x: left + cellWidth / 2, y: top + 2), style: Self.captionStyle,
                        color: .gray(0.1), anchor: TextAnchor(.center, .top))
            canvas.pngImage(atPath: entry.path, fitting: CanvasRect(x: left + 2, y: top + Self.captionHeight,
                                                                    width: cellWidth - 4, height: cellHeight - 4))
        }
        return canvas
    }
}
