import Foundation

/// Side-by-side panels of line series against a shared kind of x value, e.g. one panel per
/// training phase with its losses against the step.
///
/// A series keeps its colour in every panel (colours follow the order in which names first
/// appear). NaN values, and values ≤ 0 on a logarithmic axis, break the line rather than
/// being joined across; a point with no drawable neighbour is shown as a dot. A series can
/// also mark every point and carry error bars. The x axis is numeric (linear or
/// logarithmic) or categorical, its categories named at their ticks. Each panel's legend
/// goes where it covers the fewest line pixels, like matplotlib's `loc="best"`.
public struct LineChart: Plot, Sendable {
    /// One named line: y values at the matching x values, in drawing order.
    public struct Series: Sendable {
        public var name: String
        public var xs: [Double]
        public var ys: [Double]
        /// Half the length of each point's error bar (the bar spans `y ± error`); nil for
        /// none, and a NaN or zero entry draws no bar at that point.
        public var errors: [Double]?
        /// Whether every point is marked with a dot, not only isolated ones.
        public var showsMarkers: Bool

        public init(name: String, xs: [Double], ys: [Double], errors: [Double]? = nil, showsMarkers: Bool = false) {
            precondition(xs.count == ys.count, "series \(name) has \(xs.count) x values but \(ys.count) y values")
            precondition(errors.map { $0.count == ys.count } ?? true, "series \(name) needs one error per value")
            self.name = name
            self.xs = xs
            self.ys = ys
            self.errors = errors
            self.showsMarkers = showsMarkers
        }

        /// The lowest and highest y of every point, error bars included.
        var yExtents: [Double] {
            guard let errors else { return ys }
            return zip(ys, errors).flatMap { y, error in error.isFinite ? [y - error, y + error] : [y] }
        }
    }

    /// One plot frame with its own series, axes and title.
    public struct Panel: Sendable {
        public var title: String
        public var series: [Series]
        public var xTitle: String
        public var yTitle: String
        public var yScale: AxisScale
        /// Fixed y range; nil fits the data.
        public var yRange: ClosedRange<Double>?
        public var xScale: AxisScale
        /// For a categorical x axis, the category names: x value `i` is category `i`.
        public var xCategories: [String]?

        public init(title: String, series: [Series], xTitle: String = "step", yTitle: String = "",
                    yScale: AxisScale = .linear, yRange: ClosedRange<Double>? = nil, xScale: AxisScale = .linear,
                    xCategories: [String]? = nil) {
            self.title = title
            self.series = series
            self.xTitle = xTitle
            self.yTitle = yTitle
            self.yScale = yScale
            self.yRange = yRange
            self.xScale = xScale
            self.xCategories = xCategories
        }
    }

    public var panels: [Panel]
    /// A heading above all panels; empty for none.
    public var title: String
    /// Image size in pixels.
    public var width: Int
    public var height: Int
    public var lineWidth: Double = 2

    public init(panels: [Panel], title: String = "", width: Int? = nil, height: Int = 450) {
        precondition(!panels.isEmpty, "a line chart needs at least one panel")
        self.panels = panels
        self.title = title
        self.width = width ?? 80 + 560 * panels.count
        self.height = height
    }

    public func render() -> Canvas {
        let canvas = Canvas(width: width, height: height)
        let headingStyle = TextStyle(size: 19, isBold: true)
        var top: Double = 6
        if !title.isEmpty {
            top += canvas.textSize(title, style: headingStyle).height + 8
            canvas.text(title, at: CanvasPoint(x: Double(width) / 2, y: 8), style: headingStyle, color: .gray(0.1),
                        anchor: TextAnchor(.center, .top))
        }
        let colors = seriesColors()
        let panelGap: Double = 16
        let panelWidth = (Double(width) - 12 - panelGap * Double(panels.count - 1)) / Double(panels.count)
        for (index, panel) in panels.enumerated() {
            let bounds = CanvasRect(x: 6 + Double(index) * (panelWidth + panelGap), y: top,
                                    width: panelWidth, height: Double(height) - top - 6)
            draw(panel, in: bounds, colors: colors, on: canvas)
        }
        return canvas
    }

    private func draw(_ panel: Panel, in bounds: CanvasRect, colors: [String: Color], on canvas: Canvas) {
        let markerPadding = panel.series.contains(where: \.showsMarkers) ? 0.06 : 0.03
        let xAxis = panel.xCategories.map { Axis.categorical($0, title: panel.xTitle) }
            ?? Axis.fitting(panel.series.lazy.flatMap { $0.xs }, padding: markerPadding, scale: panel.xScale,
                            title: panel.xTitle)
        let yAxis = panel.yRange.map { Axis(range: $0, scale: panel.yScale, title: panel.yTitle) }
            ?? Axis.fitting(panel.series.lazy.flatMap { $0.yExtents }, scale: panel.yScale, title: panel.yTitle)
        let axes = Axes(in: bounds, xAxis: xAxis, yAxis: yAxis, title: panel.title, measuringWith: canvas)

        let runs = panel.series.map { series in
            (color: colors[series.name] ?? .black, runs: drawableRuns(of: series, on: axes))
        }
        axes.drawGrid(on: canvas)
        canvas.clipped(to: axes.plotArea) {
            for series in runs {
                for run in series.runs {
                    if run.count == 1 {
                        canvas.fillCircle(center: run[0], radius: lineWidth * 1.2, color: series.color)
                    } else {
                        canvas.polyline(run, color: series.color, width: lineWidth)
                    }
                }
            }
            for series in panel.series {
                drawMarkersAndErrorBars(of: series, color: colors[series.name] ?? .black, on: axes, canvas: canvas)
            }
        }
        axes.drawFrame(on: canvas)

        let legend = Legend(entries: panel.series.filter { !$0.name.isEmpty }.map {
            Legend.Entry(name: $0.name, color: colors[$0.name] ?? .black, marker: .line)
        })
        guard !legend.entries.isEmpty else { return }
        let origin = emptiestPlace(for: legend.size(on: canvas), in: axes.plotArea,
                                    avoiding: runs.flatMap { $0.runs })
        legend.draw(on: canvas, at: origin)
    }

    /// A vertical bar with end caps over `y ± error` at every point that has an error, then
    /// a dot at every point when the series asks for markers.
    private func drawMarkersAndErrorBars(of series: Series, color: Color, on axes: Axes, canvas: Canvas) {
        let cap: Double = 5
        for (index, (x, y)) in zip(series.xs, series.ys).enumerated() {
            guard let error = series.errors?[index], error.isFinite, error > 0,
                  let low = axes.position(x: x, y: y - error) ?? axes.position(x: x, y: y),
                  let high = axes.position(x: x, y: y + error) else { continue }
            canvas.line(from: low, to: high, color: color, width: 1.5)
            for end in [low, high] {
                canvas.line(from: CanvasPoint(x: end.x - cap, y: end.y), to: CanvasPoint(x: end.x + cap, y: end.y),
                            color: color, width: 1.5)
            }
        }
        guard series.showsMarkers else { return }
        for (x, y) in zip(series.xs, series.ys) {
            guard let point = axes.position(x: x, y: y) else { continue }
            canvas.fillCircle(center: point, radius: lineWidth * 2.7, color: .white)
            canvas.fillCircle(center: point, radius: lineWidth * 2, color: color)
        }
    }

    /// The series' points in pixels, split wherever a value cannot be drawn.
    private func drawableRuns(of series: Series, on axes: Axes) -> [[CanvasPoint]] {
        var runs: [[CanvasPoint]] = []
        var current: [CanvasPoint] = []
        for (x, y) in zip(series.xs, series.ys) {
            if let point = axes.position(x: x, y: y) {
                current.append(point)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// The top-left corner for a legend of `size` at whichever of nine places in `area`
    /// (corners, edge centres, centre) the lines cross least; ties go to the place listed
    /// first, in matplotlib's order: upper right, upper left, lower left, lower right, centre
    /// right, centre left, lower centre, upper centre, centre.
    private func emptiestPlace(for size: CanvasSize, in area: CanvasRect,
                               avoiding runs: [[CanvasPoint]]) -> CanvasPoint {
        let inset: Double = 8
        let left = area.minX + inset, right = area.maxX - inset - size.width, centreX = area.midX - size.width / 2
        let top = area.minY + inset, bottom = area.maxY - inset - size.height, centreY = area.midY - size.height / 2
        let places = [CanvasPoint(x: right, y: top), CanvasPoint(x: left, y: top),
                       CanvasPoint(x: left, y: bottom), CanvasPoint(x: right, y: bottom),
                       CanvasPoint(x: right, y: centreY), CanvasPoint(x: left, y: centreY),
                       CanvasPoint(x: centreX, y: bottom), CanvasPoint(x: centreX, y: top),
                       CanvasPoint(x: centreX, y: centreY)]
        let samples = runs.flatMap(Self.sampledPoints)
        var best = places[0], fewestCovered = Int.max
        for place in places {
            let box = CanvasRect(x: place.x, y: place.y, width: size.width, height: size.height)
            let covered = samples.reduce(0) { $0 + (box.contains($1) ? 1 : 0) }
            if covered < fewestCovered {
                best = place
                fewestCovered = covered
            }
        }
        return best
    }

    /// Points every few pixels along a polyline, so long straight segments count as covered area.
    private static func sampledPoints(along run: [CanvasPoint]) -> [CanvasPoint] {
        guard run.count > 1 else { return run }
        var samples: [CanvasPoint] = [run[0]]
        for (start, end) in zip(run, run.dropFirst()) {
            let length = ((end.x - start.x) * (end.x - start.x) + (end.y - start.y) * (end.y - start.y)).squareRoot()
            let steps = min(Int(length / 3), 1000)
            for step in 0..<steps {
                let t = Double(step + 1) / Double(steps + 1)
                samples.append(CanvasPoint(x: start.x + (end.x - start.x) * t, y: start.y + (end.y - start.y) * t))
            }
            samples.append(end)
        }
        return samples
    }

    /// A palette colour per distinct series name, in order of first appearance across panels.
    private func seriesColors() -> [String: Color] {
        var colors: [String: Color] = [:]
        for series in panels.flatMap({ $0.series }) where colors[series.name] == nil {
            colors[series.name] = Palette.categorical(colors.count)
        }
        return colors
    }
}
