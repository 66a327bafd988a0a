import Foundation

/// A 2-D scatter of labelled points, e.g. latent codes coloured by digit class, optionally
/// over faint grey background points such as samples from the prior.
///
/// Points are drawn in input order as small translucent discs, so dense regions read as
/// darker; the legend sits to the right of the plot area, never over the data. Axis limits
/// fit all finite points (background included) with 5% padding; points with a NaN or
/// infinite coordinate are skipped.
public struct ScatterPlot: Plot, Sendable {
    /// Unlabelled points drawn behind the data in one colour, with one legend entry.
    public struct Background: Sendable {
        public var xs: [Float]
        public var ys: [Float]
        public var name: String
        public var color: Color

        public init(xs: [Float], ys: [Float], name: String = "prior", color: Color = .gray(0.6, alpha: 0.35)) {
            precondition(xs.count == ys.count, "background has \(xs.count) x values but \(ys.count) y values")
            self.xs = xs
            self.ys = ys
            self.name = name
            self.color = color
        }
    }

    public var xs: [Float]
    public var ys: [Float]
    /// Class of each point, choosing its colour from `Palette.categorical`; empty for
    /// unlabelled points (one colour, no legend entry).
    public var labels: [Int]
    /// Legend text for label `i` at index `i`; labels without a name show their number.
    public var labelNames: [String]?
    public var background: Background?
    public var title: String
    public var xTitle: String
    public var yTitle: String
    /// Image size in pixels.
    public var width: Int
    public var height: Int
    public var pointRadius: Double = 2.3
    public var pointAlpha: Double = 0.65
    /// Fixed axis ranges; nil fits the data.
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?

    public init(xs: [Float], ys: [Float], labels: [Int] = [], labelNames: [String]? = nil,
                background: Background? = nil, title: String = "", xTitle: String = "", yTitle: String = "",
                width: Int = 800, height: Int = 700) {
        precondition(xs.count == ys.count, "scatter has \(xs.count) x values but \(ys.count) y values")
        precondition(labels.isEmpty || labels.count == xs.count,
                     "scatter has \(xs.count) points but \(labels.count) labels")
        self.xs = xs
        self.ys = ys
        self.labels = labels
        self.labelNames = labelNames
        self.background = background
        self.title = title
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.width = width
        self.height = height
    }

    public func render() -> Canvas {
        let canvas = Canvas(width: width, height: height)
        let style = AxesStyle()
        var legend = Legend(entries: legendEntries())
        let legendSize = legend.size(on: canvas)
        let legendSpace = legend.entries.isEmpty ? 0 : legendSize.width + 20

        let allXs = xs + (background?.xs ?? []), allYs = ys + (background?.ys ?? [])
        let xAxis = xRange.map { Axis(range: $0, title: xTitle) }
            ?? Axis.fitting(allXs.lazy.map(Double.init), title: xTitle)
        let yAxis = yRange.map { Axis(range: $0, title: yTitle) }
            ?? Axis.fitting(allYs.lazy.map(Double.init), title: yTitle)
        let bounds = CanvasRect(x: 10, y: 8, width: Double(width) - 20 - legendSpace, height: Double(height) - 16)
        let axes = Axes(in: bounds, xAxis: xAxis, yAxis: yAxis, title: title, style: style, measuringWith: canvas)

        axes.drawGrid(on: canvas)
        canvas.clipped(to: axes.plotArea) {
            if let background {
                for (x, y) in zip(background.xs, background.ys) {
                    guard let point = axes.position(x: Double(x), y: Double(y)) else { continue }
                    canvas.fillCircle(center: point, radius: pointRadius, color: background.color)
                }
            }
            for index in xs.indices {
                guard let point = axes.position(x: Double(xs[index]), y: Double(ys[index])) else { continue }
                let color = Palette.categorical(labels.isEmpty ? 0 : labels[index]).withAlpha(pointAlpha)
                canvas.fillCircle(center: point, radius: pointRadius, color: color)
            }
        }
        axes.drawFrame(on: canvas)

        if !legend.entries.isEmpty {
            let fittingRowHeight = ((axes.plotArea.height - 16) / Double(legend.entries.count)).rounded(.down)
            if fittingRowHeight < legend.rowHeight {
                legend.rowHeight = fittingRowHeight
                legend.text.size = min(legend.text.size, (fittingRowHeight / 1.3).rounded(.down))
            }
            legend.draw(on: canvas, at: CanvasPoint(x: axes.plotArea.maxX + 14, y: axes.plotArea.minY))
        }
        return canvas
    }

    /// One entry per distinct label in ascending order, then the background's.
    private func legendEntries() -> [Legend.Entry] {
        var entries = Set(labels).sorted().map { label in
            let name = labelNames.flatMap { label >= 0 && label < $0.count ? $0[label] : nil } ?? "\(label)"
            return Legend.Entry(name: name, color: Palette.categorical(label), marker: .dot)
        }
        if let background {
            // Twice as opaque as the points, so the key is visible yet as light as the cloud looks.
            let keyColor = background.color.withAlpha(min(1, background.color.alpha * 2))
            entries.append(Legend.Entry(name: background.name, color: keyColor, marker: .dot))
        }
        return entries
    }
}
