import Foundation

/// How data values map onto an axis.
public enum AxisScale: Sendable {
    case linear
    /// Base-10 logarithmic; values ≤ 0 cannot be shown.
    case logarithmic
}

/// One axis of a plot: the data range it shows, its scale and its title.
///
/// Kept separate from the pixel layout (`Axes`) so callers can fix or fit ranges, e.g. to
/// share one y range across panels, before anything is drawn.
public struct Axis: Sendable {
    /// The data values at the two ends of the axis; for a logarithmic axis both are positive.
    public var range: ClosedRange<Double>
    public var scale: AxisScale
    /// Text under (x) or beside (y) the axis; empty for none.
    public var title: String
    /// For a categorical axis, the name of each category, category `i` placed at value `i`
    /// and ticked with its name; nil for a numeric axis.
    public var categories: [String]?

    public init(range: ClosedRange<Double>, scale: AxisScale = .linear, title: String = "") {
        self.range = range
        self.scale = scale
        self.title = title
    }

    /// A categorical axis: `names` at values 0, 1, …, half a category to spare at both ends.
    public static func categorical(_ names: [String], title: String = "") -> Axis {
        var axis = Axis(range: -0.5...(Double(max(names.count, 1)) - 0.5), title: title)
        axis.categories = names
        return axis
    }

    /// An axis spanning the finite values (positive ones, for a logarithmic axis) with
    /// `padding` of the span added at both ends (in log space for a logarithmic axis).
    /// All-equal values get a small range around them; no usable value gives 0...1 (1...10).
    public static func fitting<Values: Sequence>(_ values: Values, padding: Double = 0.05,
                                                 scale: AxisScale = .linear,
                                                 title: String = "") -> Axis where Values.Element == Double {
        var low = Double.infinity, high = -Double.infinity
        for value in values where value.isFinite && (scale == .linear || value > 0) {
            let mapped = scale == .linear ? value : log10(value)
            low = min(low, mapped)
            high = max(high, mapped)
        }
        if low > high {
            (low, high) = (0, 1)
        } else if low == high {
            let halfWidth = scale == .logarithmic ? 0.5 : (low == 0 ? 1 : abs(low) * 0.1)
            (low, high) = (low - halfWidth, high + halfWidth)
        } else {
            let margin = (high - low) * padding
            (low, high) = (low - margin, high + margin)
        }
        if scale == .logarithmic { (low, high) = (pow(10, low), pow(10, high)) }
        guard low.isFinite, high.isFinite, low < high else {
            return Axis(range: scale == .linear ? 0...1 : 1...10, scale: scale, title: title)
        }
        return Axis(range: low...high, scale: scale, title: title)
    }

    /// Where `value` lies along the axis: 0 at the low end, 1 at the high end; nil if it
    /// cannot be placed (NaN, infinite, or ≤ 0 on a logarithmic axis).
    public func fraction(of value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch scale {
        case .linear:
            let span = range.upperBound - range.lowerBound
            return span > 0 ? (value - range.lowerBound) / span : 0.5
        case .logarithmic:
            guard value > 0 else { return nil }
            let low = log10(range.lowerBound), span = log10(range.upperBound) - low
            return span > 0 ? (log10(value) - low) / span : 0.5
        }
    }

    /// Tick positions aiming at about `targetCount` intervals, with their labels.
    /// A categorical axis ticks every category with its name, whatever `targetCount`.
    public func ticks(targetCount: Int) -> (values: [Double], labels: [String]) {
        if let categories { return (categories.indices.map(Double.init), categories) }
        switch scale {
        case .linear:
            let values = NiceTicks.linear(in: range, targetCount: targetCount)
            let step = NiceTicks.linearStep(in: range, targetCount: targetCount)
            return (values, NiceTicks.linearLabels(for: values, step: step))
        case .logarithmic:
            let values = NiceTicks.logarithmic(in: range, maximumCount: targetCount + 1)
            return (values, NiceTicks.logarithmicLabels(for: values))
        }
    }
}
