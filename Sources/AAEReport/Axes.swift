import Foundation

/// Sizes and colours of the parts of a plot frame.
public struct AxesStyle: Sendable {
    public var titleText = TextStyle(size: 17, isBold: true)
    public var axisTitleText = TextStyle(size: 15)
    public var tickLabelText = TextStyle(size: 13)
    public var tickLength: Double = 5
    public var frameColor = Color.gray(0.15)
    public var textColor = Color.gray(0.1)
    public var gridColor = Color.gray(0.9)
    /// Whether light lines continue each tick across the plot area.
    public var showsGrid = true

    public init() {}
}

/// A plot frame laid out inside a rectangle of a canvas: the plot area, its axes with nice
/// ticks and labels, axis titles and a plot title, and the data-to-pixel transform.
///
/// The layout measures the actual tick labels, so margins fit the text, and it thins the
/// ticks until neighbouring labels no longer overlap. Draw in three steps: `drawGrid`,
/// then the data (clipped to `plotArea`), then `drawFrame` on top.
public struct Axes: Sendable {
    /// The rectangle, in whole pixels, that data is drawn into.
    public let plotArea: CanvasRect
    public let xAxis: Axis
    public let yAxis: Axis
    public let title: String
    public let style: AxesStyle
    /// The ticks chosen for each axis and their labels.
    public let xTicks: (values: [Double], labels: [String])
    public let yTicks: (values: [Double], labels: [String])
    /// The rectangle everything must stay inside, including titles.
    private let bounds: CanvasRect

    private static let labelGap: Double = 4
    private static let titleGap: Double = 8

    /// Lays out a plot frame with everything (labels and titles included) inside `bounds`,
    /// measuring text with `canvas`.
    public init(in bounds: CanvasRect, xAxis: Axis, yAxis: Axis, title: String = "",
                style: AxesStyle = AxesStyle(), measuringWith canvas: Canvas) {
        self.bounds = bounds
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.title = title
        self.style = style

        let tickLabelHeight = canvas.textSize("0", style: style.tickLabelText).height
        let axisTitleHeight = canvas.textSize("0", style: style.axisTitleText).height
        let titleHeight = canvas.textSize("0", style: style.titleText).height

        let top = (bounds.minY + (title.isEmpty ? 8 : titleHeight + 12)).rounded()
        var bottomSpace = style.tickLength + Self.labelGap + tickLabelHeight + 4
        if !xAxis.title.isEmpty { bottomSpace += Self.titleGap + axisTitleHeight }
        let bottom = (bounds.maxY - bottomSpace).rounded()
        let plotHeight = max(bottom - top, 10)

        let yTicks = Self.chooseTicks(for: yAxis, length: plotHeight) { _ in tickLabelHeight * 1.8 }
        let widestYLabel = yTicks.labels.map { canvas.textSize($0, style: style.tickLabelText).width }.max() ?? 0
        var leftSpace = style.tickLength + Self.labelGap + widestYLabel + 4
        if !yAxis.title.isEmpty { leftSpace += Self.titleGap + axisTitleHeight }
        let left = (bounds.minX + leftSpace).rounded()

        let lastXLabel = xAxis.ticks(targetCount: 5).labels.last ?? ""
        let rightSpace = max(12, canvas.textSize(lastXLabel, style: style.tickLabelText).width / 2 + 4)
        let right = (bounds.maxX - rightSpace).rounded()
        let plotWidth = max(right - left, 10)

        var xTicks = Self.chooseTicks(for: xAxis, length: plotWidth) { labels in
            (labels.map { canvas.textSize($0, style: style.tickLabelText).width }.max() ?? 0) + 14
        }
        if let categories = xAxis.categories, !categories.isEmpty {
            let room = plotWidth / Double(categories.count) - 8
            xTicks.labels = xTicks.labels.map { Self.shortened($0, toFit: room, style: style.tickLabelText, on: canvas) }
        }

        self.plotArea = CanvasRect(x: left, y: top, width: plotWidth, height: plotHeight)
        self.xTicks = xTicks
        self.yTicks = yTicks
    }

    /// The pixel position of a data point, or nil if either coordinate cannot be placed
    /// (NaN, infinite, ≤ 0 on a log axis). Points outside the axis ranges map outside `plotArea`.
    public func position(x: Double, y: Double) -> CanvasPoint? {
        guard let fx = xAxis.fraction(of: x), let fy = yAxis.fraction(of: y) else { return nil }
        let point = CanvasPoint(x: plotArea.minX + fx * plotArea.width, y: plotArea.maxY - fy * plotArea.height)
        guard point.x.isFinite, point.y.isFinite, abs(point.x) < 1e6, abs(point.y) < 1e6 else { return nil }
        return point
    }

    /// Light grid lines at the ticks (if the style asks for them); draw before the data.
    public func drawGrid(on canvas: Canvas) {
        guard style.showsGrid else { return }
        for (x, _) in xTickMarks() {
            canvas.line(from: CanvasPoint(x: x, y: plotArea.minY), to: CanvasPoint(x: x, y: plotArea.maxY),
                        color: style.gridColor)
        }
        for (y, _) in yTickMarks() {
            canvas.line(from: CanvasPoint(x: plotArea.minX, y: y), to: CanvasPoint(x: plotArea.maxX, y: y),
                        color: style.gridColor)
        }
    }

    /// The frame, tick marks, tick labels, axis titles and plot title; draw after the data.
    public func drawFrame(on canvas: Canvas) {
        let frame = CanvasRect(x: plotArea.minX + 0.5, y: plotArea.minY + 0.5,
                               width: plotArea.width - 1, height: plotArea.height - 1)
        canvas.strokeRect(frame, color: style.frameColor)

        let tickLabels = style.tickLabelText
        let labelY = plotArea.maxY + style.tickLength + Self.labelGap
        for (x, label) in xTickMarks() {
            canvas.line(from: CanvasPoint(x: x, y: plotArea.maxY),
                        to: CanvasPoint(x: x, y: plotArea.maxY + style.tickLength), color: style.frameColor)
            canvas.text(label, at: CanvasPoint(x: x, y: labelY), style: tickLabels, color: style.textColor,
                        anchor: TextAnchor(.center, .top))
        }
        let labelX = plotArea.minX - style.tickLength - Self.labelGap
        var widestYLabel: Double = 0
        for (y, label) in yTickMarks() {
            canvas.line(from: CanvasPoint(x: plotArea.minX - style.tickLength, y: y),
                        to: CanvasPoint(x: plotArea.minX, y: y), color: style.frameColor)
            canvas.text(label, at: CanvasPoint(x: labelX, y: y), style: tickLabels, color: style.textColor,
                        anchor: TextAnchor(.right, .middle))
            widestYLabel = max(widestYLabel, canvas.textSize(label, style: tickLabels).width)
        }

        if !xAxis.title.isEmpty {
            let y = labelY + canvas.textSize("0", style: tickLabels).height + Self.titleGap
            canvas.text(xAxis.title, at: CanvasPoint(x: plotArea.midX, y: y), style: style.axisTitleText,
                        color: style.textColor, anchor: TextAnchor(.center, .top))
        }
        if !yAxis.title.isEmpty {
            let x = labelX - widestYLabel - Self.titleGap
            canvas.text(yAxis.title, at: CanvasPoint(x: x, y: plotArea.midY), style: style.axisTitleText,
                        color: style.textColor, anchor: TextAnchor(.center, .bottom), rotation: -Double.pi / 2)
        }
        if !title.isEmpty {
            let room = 2 * min(plotArea.midX - bounds.minX, bounds.maxX - plotArea.midX)
            canvas.text(title, at: CanvasPoint(x: plotArea.midX, y: plotArea.minY - 10),
                        style: Self.shrunk(style.titleText, toFit: title, width: room, on: canvas),
                        color: style.textColor, anchor: TextAnchor(.center, .bottom))
        }
    }

    /// `text` made smaller, if need be, so that `string` is at most `width` pixels wide.
    private static func shrunk(_ text: TextStyle, toFit string: String, width: Double, on canvas: Canvas) -> TextStyle {
        let natural = canvas.textSize(string, style: text).width
        guard natural > width, natural > 0 else { return text }
        var smaller = text
        smaller.size = max(8, (text.size * width / natural).rounded(.down))
        return smaller
    }

    /// `label`, cut and ended with "…" if need be, so that it is at most `width` pixels wide.
    private static func shortened(_ label: String, toFit width: Double, style: TextStyle, on canvas: Canvas) -> String {
        guard canvas.textSize(label, style: style).width > width else { return label }
        var kept = label
        while !kept.isEmpty, canvas.textSize(kept + "…", style: style).width > width { kept.removeLast() }
        return kept + "…"
    }

    /// The x ticks' pixel columns with their labels, snapped to pixel centres so 1-pixel
    /// lines stay sharp.
    private func xTickMarks() -> [(pixel: Double, label: String)] {
        zip(xTicks.values, xTicks.labels).compactMap { value, label in
            xAxis.fraction(of: value).map { (crisp(plotArea.minX + $0 * plotArea.width), label) }
        }
    }

    /// The y ticks' pixel rows, snapped to pixel centres, with their labels.
    private func yTickMarks() -> [(pixel: Double, label: String)] {
        zip(yTicks.values, yTicks.labels).compactMap { value, label in
            yAxis.fraction(of: value).map { (crisp(plotArea.maxY - $0 * plotArea.height), label) }
        }
    }

    private func crisp(_ coordinate: Double) -> Double {
        coordinate.rounded(.down) + 0.5
    }

    /// Ticks starting from about one interval per 90 px, reduced until neighbouring ticks are
    /// at least `spaceNeeded(labels)` pixels apart so their labels cannot overlap.
    private static func chooseTicks(for axis: Axis, length: Double,
                                    spaceNeeded: ([String]) -> Double) -> (values: [Double], labels: [String]) {
        var targetCount = min(max(Int(length / 90), 2), 10)
        while true {
            let ticks = axis.ticks(targetCount: targetCount)
            let spacing = ticks.values.count > 1
                ? pixelSpacing(of: ticks.values, axis: axis, length: length) : .infinity
            if targetCount <= 1 || spacing >= spaceNeeded(ticks.labels) { return ticks }
            targetCount -= 1
        }
    }

    /// The smallest pixel distance between neighbouring ticks on an axis `length` pixels long.
    private static func pixelSpacing(of values: [Double], axis: Axis, length: Double) -> Double {
        let positions = values.compactMap { axis.fraction(of: $0) }.map { $0 * length }
        return zip(positions, positions.dropFirst()).map { abs($1 - $0) }.min() ?? .infinity
    }
}
