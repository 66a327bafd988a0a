import Foundation

/// A matrix of coloured cells with a text in each, e.g. a confusion matrix: counts written
/// in the cells, each cell shaded by a value in 0...1 (viridis), row and column labels,
/// axis titles and a colour bar that says what the shade means.
///
/// Cells are sized from the matrix (between 18 and 44 px high, 28 and 56 px wide), so a
/// 30 × 10 matrix stays on one screen; the cell text shrinks with small cells and is
/// white on dark shades, black on light ones. A title wider than the figure is shrunk.
public struct HeatMapPlot: Plot, Sendable {
    public var rows: Int
    public var columns: Int
    /// Each cell's shade in 0...1 (clamped; NaN draws light grey), row-major.
    public var shades: [Double]
    /// Each cell's text, row-major; nil writes none.
    public var cellTexts: [String]?
    /// Text to the left of each row, top row first.
    public var rowLabels: [String]
    /// Text under each column, left to right.
    public var columnLabels: [String]
    public var title: String
    public var xTitle: String
    public var yTitle: String
    /// What a shade of 0 to 1 stands for, written along the colour bar.
    public var shadeTitle: String

    public init(rows: Int, columns: Int, shades: [Double], cellTexts: [String]? = nil, rowLabels: [String],
                columnLabels: [String], title: String = "", xTitle: String = "", yTitle: String = "",
                shadeTitle: String = "") {
        precondition(rows > 0 && columns > 0, "a heat map needs at least one row and column")
        precondition(shades.count == rows * columns, "\(shades.count) shades for \(rows) × \(columns) cells")
        precondition(cellTexts.map { $0.count == rows * columns } ?? true, "need one text per cell")
        precondition(rowLabels.count == rows && columnLabels.count == columns, "need one label per row and column")
        self.rows = rows
        self.columns = columns
        self.shades = shades
        self.cellTexts = cellTexts
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.title = title
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.shadeTitle = shadeTitle
    }

    private static let titleText = TextStyle(size: 17, isBold: true)
    private static let axisTitleText = TextStyle(size: 15)
    private static let labelText = TextStyle(size: 13)
    private static let margin: Double = 12
    private static let gap: Double = 8
    private static let barWidth: Double = 16
    private static let textColor = Color.gray(0.1)

    /// The cell size for the matrix: as large as fits a figure of about 600 × 660 px of cells.
    var cellSize: CanvasSize {
        CanvasSize(width: min(56, max(28, (560 / Double(columns)).rounded(.down))),
                   height: min(44, max(18, (660 / Double(rows)).rounded(.down))))
    }

    public func render() -> Canvas {
        let measure = Canvas(width: 1, height: 1)
        let cell = cellSize
        let labelHeight = measure.textSize("0", style: Self.labelText).height
        let axisTitleHeight = measure.textSize("0", style: Self.axisTitleText).height
        let titleHeight = measure.textSize("0", style: Self.titleText).height
        let widestRowLabel = rowLabels.map { measure.textSize($0, style: Self.labelText).width }.max() ?? 0
        let barLabels = ["0", "0.5", "1"]
        let widestBarLabel = barLabels.map { measure.textSize($0, style: Self.labelText).width }.max() ?? 0

        let gridWidth = cell.width * Double(columns), gridHeight = cell.height * Double(rows)
        let left = Self.margin + (yTitle.isEmpty ? 0 : axisTitleHeight + Self.gap) + widestRowLabel + Self.gap
        let top = Self.margin + (title.isEmpty ? 0 : titleHeight + Self.gap)
        let bottom = Self.gap + labelHeight + (xTitle.isEmpty ? 0 : Self.gap + axisTitleHeight) + Self.margin
        let barSpace = 2 * Self.gap + Self.barWidth + 4 + widestBarLabel
            + (shadeTitle.isEmpty ? 0 : Self.gap + axisTitleHeight)
        let width = Int((left + gridWidth + barSpace + Self.margin).rounded(.up))
        let height = Int((top + gridHeight + bottom).rounded(.up))
        let canvas = Canvas(width: width, height: height)
        let grid = CanvasRect(x: left.rounded(), y: top.rounded(), width: gridWidth, height: gridHeight)

        let cellText = TextStyle(size: min(13, (cell.height * 0.62).rounded(.down)))
        for row in 0..<rows {
            for column in 0..<columns {
                let index = row * columns + column
                let rect = CanvasRect(x: grid.minX + Double(column) * cell.width, y: grid.minY + Double(row) * cell.height,
                                      width: cell.width, height: cell.height)
                let shade = shades[index]
                canvas.fillRect(rect, color: shade.isNaN ? .gray(0.92) : Palette.viridis(shade))
                guard let text = cellTexts?[index], !text.isEmpty else { continue }
                let color: Color = shade.isNaN || shade > 0.55 ? Self.textColor : .white
                canvas.text(text, at: CanvasPoint(x: rect.midX, y: rect.midY), style: cellText, color: color,
                            anchor: TextAnchor(.center, .middle))
            }
        }
        canvas.strokeRect(CanvasRect(x: grid.minX - 0.5, y: grid.minY - 0.5, width: grid.width + 1,
                                     height: grid.height + 1), color: .gray(0.15))

        for (row, label) in rowLabels.enumerated() {
            canvas.text(label, at: CanvasPoint(x: grid.minX - Self.gap, y: grid.minY + (Double(row) + 0.5) * cell.height),
                        style: Self.labelText, color: Self.textColor, anchor: TextAnchor(.right, .middle))
        }
        for (column, label) in columnLabels.enumerated() {
            canvas.text(label, at: CanvasPoint(x: grid.minX + (Double(column) + 0.5) * cell.width, y: grid.maxY + Self.gap),
                        style: Self.labelText, color: Self.textColor, anchor: TextAnchor(.center, .top))
        }
        if !xTitle.isEmpty {
            canvas.text(xTitle, at: CanvasPoint(x: grid.midX, y: grid.maxY + 2 * Self.gap + labelHeight),
                        style: Self.axisTitleText, color: Self.textColor, anchor: TextAnchor(.center, .top))
        }
        if !yTitle.isEmpty {
            canvas.text(yTitle, at: CanvasPoint(x: grid.minX - 2 * Self.gap - widestRowLabel, y: grid.midY),
                        style: Self.axisTitleText, color: Self.textColor, anchor: TextAnchor(.center, .bottom),
                        rotation: -Double.pi / 2)
        }
        if !title.isEmpty {
            var style = Self.titleText
            let room = Double(width) - 2 * Self.margin, natural = canvas.textSize(title, style: style).width
            if natural > room { style.size = max(8, (style.size * room / natural).rounded(.down)) }
            canvas.text(title, at: CanvasPoint(x: Double(width) / 2, y: Self.margin), style: style,
                        color: Self.textColor, anchor: TextAnchor(.center, .top))
        }
        drawShadeBar(on: canvas, beside: grid, labels: barLabels)
        return canvas
    }

    /// The colour bar right of the grid, 0 at the bottom and 1 at the top, with its title.
    private func drawShadeBar(on canvas: Canvas, beside grid: CanvasRect, labels: [String]) {
        let bar = CanvasRect(x: grid.maxX + 2 * Self.gap, y: grid.minY, width: Self.barWidth, height: grid.height)
        let steps = max(1, Int(bar.height))
        for step in 0..<steps {
            let fraction = 1 - (Double(step) + 0.5) / Double(steps)
            canvas.fillRect(CanvasRect(x: bar.minX, y: bar.minY + bar.height * Double(step) / Double(steps),
                                       width: bar.width, height: bar.height / Double(steps) + 0.5),
                            color: Palette.viridis(fraction))
        }
        canvas.strokeRect(CanvasRect(x: bar.minX - 0.5, y: bar.minY - 0.5, width: bar.width + 1, height: bar.height + 1),
                          color: .gray(0.15))
        var widest: Double = 0
        for (index, label) in labels.enumerated() {
            let fraction = Double(index) / Double(labels.count - 1)
            let y = (bar.maxY - fraction * bar.height).rounded(.down) + 0.5
            canvas.line(from: CanvasPoint(x: bar.maxX, y: y), to: CanvasPoint(x: bar.maxX + 4, y: y), color: .gray(0.15))
            canvas.text(label, at: CanvasPoint(x: bar.maxX + 6, y: y), style: Self.labelText, color: Self.textColor,
                        anchor: TextAnchor(.left, .middle))
            widest = max(widest, canvas.textSize(label, style: Self.labelText).width)
        }
        if !shadeTitle.isEmpty {
            canvas.text(shadeTitle, at: CanvasPoint(x: bar.maxX + 6 + widest + Self.gap, y: bar.midY),
                        style: Self.axisTitleText, color: Self.textColor, anchor: TextAnchor(.center, .top),
                        rotation: -Double.pi / 2)
        }
    }
}
