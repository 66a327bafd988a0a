import Foundation

/// A grid of small grayscale images, e.g. samples, originals above reconstructions, or a
/// decoder manifold with the latent coordinates of each row and column marked on the edges.
///
/// Images are enlarged by the largest whole factor that fits the figure, with
/// nearest-neighbour sampling so every source pixel stays a crisp square; thin white gaps
/// separate the cells. Small images can be enlarged until the grid reaches
/// `minimumGridSize`; a title wider than the figure wraps onto several lines.
/// Values are clamped to 0 (black) ... 1 (white).
public struct ImageGridPlot: Plot, Sendable {
    /// All images, row-major, one after another; image `i` goes to row `i / columns`, column `i % columns`.
    public var pixels: [Float]
    public var imageCount: Int
    public var imageHeight: Int
    public var imageWidth: Int
    public var rows: Int
    public var columns: Int
    public var title: String
    /// Text to the left of each row (top row first), e.g. "original" and "reconstruction".
    public var rowLabels: [String]?
    /// Values labelling the column centres along the bottom edge, left to right.
    public var xTickValues: [Float]?
    /// Values labelling the row centres along the left edge, top row first (so a manifold
    /// whose latent y grows upwards lists its values in descending order).
    public var yTickValues: [Float]?
    public var xTitle: String
    public var yTitle: String
    /// Image size in pixels; nil fits the figure around the grid at `scale`.
    public var width: Int?
    public var height: Int?
    /// Enlargement of each image pixel; nil picks the largest factor that fits the given
    /// width and height, or, when neither is given, keeps the grid within 800 × 800 px
    /// (up to 4×).
    public var scale: Int?
    /// White space between neighbouring cells, in pixels.
    public var cellGap: Int = 2
    /// The least length of the grid's longer side, in pixels, when the figure's size is
    /// not given: small images (8 × 8 digits) are enlarged further than `scale` asks,
    /// so that the figure stays readable. 0: `scale` as given.
    public var minimumGridSize: Double = 0

    /// A grid from separate images, each `imageHeight × imageWidth` values.
    public init(images: [[Float]], imageHeight: Int, imageWidth: Int, rows: Int, columns: Int,
                title: String = "", rowLabels: [String]? = nil, xTickValues: [Float]? = nil,
                yTickValues: [Float]? = nil, xTitle: String = "", yTitle: String = "",
                width: Int? = nil, height: Int? = nil, scale: Int? = nil) {
        for image in images {
            precondition(image.count == imageHeight * imageWidth,
                         "image has \(image.count) values, expected \(imageHeight)×\(imageWidth)")
        }
        self.init(pixels: images.flatMap { $0 }, imageCount: images.count, imageHeight: imageHeight,
                  imageWidth: imageWidth, rows: rows, columns: columns, title: title, rowLabels: rowLabels,
                  xTickValues: xTickValues, yTickValues: yTickValues, xTitle: xTitle, yTitle: yTitle,
                  width: width, height: height, scale: scale)
    }

    /// A grid from `imageCount` images stored back to back in `pixels`.
    public init(pixels: [Float], imageCount: Int, imageHeight: Int, imageWidth: Int, rows: Int, columns: Int,
                title: String = "", rowLabels: [String]? = nil, xTickValues: [Float]? = nil,
                yTickValues: [Float]? = nil, xTitle: String = "", yTitle: String = "",
                width: Int? = nil, height: Int? = nil, scale: Int? = nil) {
        precondition(rows > 0 && columns > 0, "image grid needs at least one row and column")
        precondition(imageHeight > 0 && imageWidth > 0, "images must be at least 1×1")
        precondition(pixels.count == imageCount * imageHeight * imageWidth,
                     "\(pixels.count) values do not make \(imageCount) images of \(imageHeight)×\(imageWidth)")
        precondition(imageCount <= rows * columns, "\(imageCount) images do not fit \(rows)×\(columns) cells")
        precondition(rowLabels.map { $0.count == rows } ?? true, "need one row label per row")
        precondition(xTickValues.map { $0.count == columns } ?? true, "need one x tick value per column")
        precondition(yTickValues.map { $0.count == rows } ?? true, "need one y tick value per row")
        self.pixels = pixels
        self.imageCount = imageCount
        self.imageHeight = imageHeight
        self.imageWidth = imageWidth
        self.rows = rows
        self.columns = columns
        self.title = title
        self.rowLabels = rowLabels
        self.xTickValues = xTickValues
        self.yTickValues = yTickValues
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.width = width
        self.height = height
        self.scale = scale
    }

    private static let titleText = TextStyle(size: 17, isBold: true)
    private static let axisTitleText = TextStyle(size: 15)
    private static let labelText = TextStyle(size: 13)
    private static let tickLength: Double = 4
    private static let labelGap: Double = 4
    private static let rowLabelGap: Double = 10
    private static let axisTitleGap: Double = 8
    private static let outerMargin: Double = 10
    private static let defaultMaximumGridSize: Double = 800

    public func render() -> Canvas {
        let layout = Layout(of: self, measuringWith: Canvas(width: 1, height: 1))
        let canvas = Canvas(width: layout.width, height: layout.height)
        let grid = layout.grid
        let gap = Double(cellGap)
        let cellWidth = Double(imageWidth * layout.scale), cellHeight = Double(imageHeight * layout.scale)

        let valuesPerImage = imageHeight * imageWidth
        for index in 0..<imageCount {
            let origin = CanvasPoint(x: grid.minX + Double(index % columns) * (cellWidth + gap),
                                     y: grid.minY + Double(index / columns) * (cellHeight + gap))
            canvas.grayscaleImage(pixels[index * valuesPerImage ..< (index + 1) * valuesPerImage],
                                  pixelWidth: imageWidth, pixelHeight: imageHeight, at: origin, scale: layout.scale)
        }

        let textColor = Color.gray(0.1), tickColor = Color.gray(0.15)
        let lineHeight = canvas.textSize("0", style: Self.labelText).height
        let columnCentres = (0..<columns).map { grid.minX + Double($0) * (cellWidth + gap) + cellWidth / 2 }
        let rowCentres = (0..<rows).map { grid.minY + Double($0) * (cellHeight + gap) + cellHeight / 2 }

        if let xTickValues {
            let ticks = EdgeTicks(values: xTickValues, centres: columnCentres) { labels in
                (labels.map { canvas.textSize($0, style: Self.labelText).width }.max() ?? 0) + 12
            }
            for (position, label) in zip(ticks.positions, ticks.labels) {
                let x = position.rounded(.down) + 0.5
                canvas.line(from: CanvasPoint(x: x, y: grid.maxY + 1),
                            to: CanvasPoint(x: x, y: grid.maxY + 1 + Self.tickLength), color: tickColor)
                canvas.text(label, at: CanvasPoint(x: x, y: grid.maxY + 1 + Self.tickLength + Self.labelGap),
                            style: Self.labelText, color: textColor, anchor: TextAnchor(.center, .top))
            }
        }
        var nextLeftEdge = grid.minX - 1
        if let yTickValues {
            let ticks = EdgeTicks(values: yTickValues, centres: rowCentres) { _ in lineHeight * 1.5 }
            for (position, label) in zip(ticks.positions, ticks.labels) {
                let y = position.rounded(.down) + 0.5
                canvas.line(from: CanvasPoint(x: grid.minX - 1 - Self.tickLength, y: y),
                            to: CanvasPoint(x: grid.minX - 1, y: y), color: tickColor)
                canvas.text(label, at: CanvasPoint(x: grid.minX - 1 - Self.tickLength - Self.labelGap, y: y),
                            style: Self.labelText, color: textColor, anchor: TextAnchor(.right, .middle))
            }
            nextLeftEdge -= Self.tickLength + Self.labelGap + layout.widestYTickLabel
        }
        if let rowLabels {
            for (row, label) in rowLabels.enumerated() {
                canvas.text(label, at: CanvasPoint(x: nextLeftEdge - Self.rowLabelGap, y: rowCentres[row]),
                            style: Self.labelText, color: textColor, anchor: TextAnchor(.right, .middle))
            }
            nextLeftEdge -= Self.rowLabelGap + layout.widestRowLabel
        }
        if !xTitle.isEmpty {
            let y = grid.maxY + 1 + (xTickValues == nil ? 0 : Self.tickLength + Self.labelGap + lineHeight)
                + Self.axisTitleGap
            canvas.text(xTitle, at: CanvasPoint(x: grid.midX, y: y), style: Self.axisTitleText, color: textColor,
                        anchor: TextAnchor(.center, .top))
        }
        if !yTitle.isEmpty {
            canvas.text(yTitle, at: CanvasPoint(x: nextLeftEdge - Self.axisTitleGap, y: grid.midY),
                        style: Self.axisTitleText, color: textColor, anchor: TextAnchor(.center, .bottom),
                        rotation: -Double.pi / 2)
        }
        let titleLineHeight = canvas.textSize("0", style: Self.titleText).height
        for (index, line) in layout.titleLines.reversed().enumerated() {
            // Centred over the grid, moved in as far as needed to stay inside the figure.
            let half = canvas.textSize(line, style: Self.titleText).width / 2
            let x = min(max(grid.midX, Self.outerMargin + half), Double(layout.width) - Self.outerMargin - half)
            canvas.text(line, at: CanvasPoint(x: x, y: grid.minY - 10 - Double(index) * titleLineHeight),
                        style: Self.titleText, color: textColor, anchor: TextAnchor(.center, .bottom))
        }
        return canvas
    }

    /// Where the grid goes and how large everything is, worked out before drawing.
    private struct Layout {
        var width: Int
        var height: Int
        var scale: Int
        var grid: CanvasRect
        var widestYTickLabel: Double
        var widestRowLabel: Double
        /// The title, wrapped at spaces to the figure's width.
        var titleLines: [String]

        init(of plot: ImageGridPlot, measuringWith canvas: Canvas) {
            let labelText = ImageGridPlot.labelText
            let lineHeight = canvas.textSize("0", style: labelText).height
            let axisTitleHeight = canvas.textSize("0", style: ImageGridPlot.axisTitleText).height
            widestYTickLabel = plot.yTickValues.map { values in
                EdgeTicks.candidateLabels(for: values).map { canvas.textSize($0, style: labelText).width }.max() ?? 0
            } ?? 0
            widestRowLabel = plot.rowLabels?.map { canvas.textSize($0, style: labelText).width }.max() ?? 0

            var left = ImageGridPlot.outerMargin + 1
            if !plot.yTitle.isEmpty { left += axisTitleHeight + ImageGridPlot.axisTitleGap }
            if plot.yTickValues != nil {
                left += widestYTickLabel + ImageGridPlot.labelGap + ImageGridPlot.tickLength
            }
            if plot.rowLabels != nil { left += widestRowLabel + ImageGridPlot.rowLabelGap }
            var bottom = ImageGridPlot.outerMargin + 1
            if plot.xTickValues != nil {
                bottom += ImageGridPlot.tickLength + ImageGridPlot.labelGap + lineHeight
            }
            if !plot.xTitle.isEmpty { bottom += axisTitleHeight + ImageGridPlot.axisTitleGap }
            // Half a wide x label may stick out past the last column.
            let right = ImageGridPlot.outerMargin + (plot.xTickValues == nil ? 0 : 16)

            let gap = Double(plot.cellGap)
            let gridSize = { (scale: Int) in
                CanvasSize(width: Double(plot.columns * plot.imageWidth * scale) + Double(plot.columns - 1) * gap,
                           height: Double(plot.rows * plot.imageHeight * scale) + Double(plot.rows - 1) * gap)
            }
            func titleTop(lines: [String]) -> Double {
                let lineHeight = canvas.textSize("0", style: ImageGridPlot.titleText).height
                return ImageGridPlot.outerMargin + (lines.isEmpty ? 0 : Double(lines.count) * lineHeight + 10)
            }
            let isSized = plot.width != nil || plot.height != nil
            var lines = Self.wrap(plot.title, width: plot.width.map { Double($0) - 2 * ImageGridPlot.outerMargin } ?? .infinity,
                                  canvas: canvas)
            var top = titleTop(lines: lines)
            let available = CanvasSize(width: plot.width.map { Double($0) - left - right } ?? .infinity,
                                       height: plot.height.map { Double($0) - top - bottom } ?? .infinity)
            if let requested = plot.scale, !isSized {
                scale = Self.enlarged(max(1, requested), plot: plot, gridSize: gridSize)
            } else if let requested = plot.scale {
                scale = max(1, requested)
            } else if isSized {
                let fitsWidth = (available.width + gap) / Double(plot.columns * (plot.imageWidth + plot.cellGap))
                let fitsHeight = (available.height + gap) / Double(plot.rows * (plot.imageHeight + plot.cellGap))
                scale = max(1, Int(min(fitsWidth, fitsHeight, 64).rounded(.down)))
            } else {
                scale = Self.enlarged((1...4).last { scale in
                    let size = gridSize(scale)
                    return size.width <= ImageGridPlot.defaultMaximumGridSize
                        && size.height <= ImageGridPlot.defaultMaximumGridSize
                } ?? 1, plot: plot, gridSize: gridSize)
            }
            let size = gridSize(scale)
            var naturalWidth = left + size.width + right
            if plot.width == nil {
                lines = Self.wrap(plot.title, width: naturalWidth - 2 * ImageGridPlot.outerMargin, canvas: canvas)
                let widest = lines.map { canvas.textSize($0, style: ImageGridPlot.titleText).width }.max() ?? 0
                naturalWidth = max(naturalWidth, widest + 2 * ImageGridPlot.outerMargin)
                top = titleTop(lines: lines)
            }
            titleLines = lines
            width = plot.width ?? Int(naturalWidth.rounded(.up))
            height = plot.height ?? Int((top + size.height + bottom).rounded(.up))
            let spareWidth = max(0, Double(width) - left - right - size.width)
            let spareHeight = max(0, Double(height) - top - bottom - size.height)
            grid = CanvasRect(x: (left + spareWidth / 2).rounded(.down), y: (top + spareHeight / 2).rounded(.down),
                              width: size.width, height: size.height)
        }

        /// `scale`, or the least larger factor whose grid reaches `minimumGridSize` on its
        /// longer side (at most 16).
        private static func enlarged(_ scale: Int, plot: ImageGridPlot, gridSize: (Int) -> CanvasSize) -> Int {
            func longer(_ scale: Int) -> Double { max(gridSize(scale).width, gridSize(scale).height) }
            guard longer(scale) < plot.minimumGridSize else { return scale }
            return (scale...max(scale, 16)).first { longer($0) >= plot.minimumGridSize } ?? max(scale, 16)
        }

        /// `text` broken at spaces into lines no wider than `width` (a word wider than
        /// `width` keeps a line of its own).
        private static func wrap(_ text: String, width: Double, canvas: Canvas) -> [String] {
            guard !text.isEmpty else { return [] }
            var lines: [String] = []
            var line = ""
            for word in text.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : "\(line) \(word)"
                if line.isEmpty || canvas.textSize(candidate, style: ImageGridPlot.titleText).width <= width {
                    line = candidate
                } else {
                    lines.append(line)
                    line = String(word)
                }
            }
            lines.append(line)
            return lines
        }
    }
}

/// The ticks along one edge of an image grid, given the value each row or column stands for.
///
/// Evenly spaced values (a latent-space sweep) get nice round ticks placed by interpolating
/// between cell centres, like a continuous axis; other values label the cells themselves,
/// skipping cells as needed so labels do not collide.
private struct EdgeTicks {
    var positions: [Double] = []
    var labels: [String] = []

    /// - Parameter spaceNeeded: the pixel distance neighbouring ticks need for these labels.
    init(values: [Float], centres: [Double], spaceNeeded: ([String]) -> Double) {
        let values = values.map(Double.init)
        if Self.isEvenlySpaced(values), let first = values.first, let last = values.last {
            let pixelsPerUnit = (centres[centres.count - 1] - centres[0]) / (last - first)
            let range = min(first, last)...max(first, last)
            let length = abs(pixelsPerUnit * (last - first))
            for targetCount in stride(from: max(Int(length / 80), 2), through: 1, by: -1) {
                let ticks = NiceTicks.linear(in: range, targetCount: targetCount)
                let step = NiceTicks.linearStep(in: range, targetCount: targetCount)
                labels = NiceTicks.linearLabels(for: ticks, step: step)
                positions = ticks.map { centres[0] + ($0 - first) * pixelsPerUnit }
                if ticks.count < 2 || abs(step * pixelsPerUnit) >= spaceNeeded(labels) { return }
            }
            return
        }
        let allLabels = values.map(Self.cellLabel)
        let pitch = centres.count > 1 ? abs(centres[1] - centres[0]) : .infinity
        let every = max(1, Int((spaceNeeded(allLabels) / pitch).rounded(.up)))
        for index in stride(from: 0, to: values.count, by: every) {
            positions.append(centres[index])
            labels.append(allLabels[index])
        }
    }

    /// Labels of roughly the width the ticks for `values` will have, for reserving margins.
    static func candidateLabels(for values: [Float]) -> [String] {
        let values = values.map(Double.init)
        guard isEvenlySpaced(values), let first = values.first, let last = values.last else {
            return values.map(cellLabel)
        }
        let range = min(first, last)...max(first, last)
        return NiceTicks.linearLabels(for: NiceTicks.linear(in: range, targetCount: 6),
                                      step: NiceTicks.linearStep(in: range, targetCount: 6))
    }

    /// Whether there are at least two finite, distinct values in arithmetic progression.
    private static func isEvenlySpaced(_ values: [Double]) -> Bool {
        guard values.count >= 2, values.allSatisfy({ $0.isFinite }) else { return false }
        let first = values[0], step = (values[values.count - 1] - first) / Double(values.count - 1)
        guard step != 0 else { return false }
        return values.indices.allSatisfy { abs(values[$0] - (first + Double($0) * step)) <= abs(step) * 1e-3 }
    }

    /// A value with at most two decimals and no trailing zeros: "-3", "-2.68", "0.5".
    private static func cellLabel(_ value: Double) -> String {
        guard value.isFinite else { return CSVFormat.float(value) }
        var text = CLocaleNumberFormat.format("%.2f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
