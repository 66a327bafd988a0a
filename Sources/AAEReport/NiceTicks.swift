import Foundation

/// Chooses axis tick positions a reader can interpolate between, and their labels.
///
/// Linear ticks are whole multiples of a step of 1, 2 or 5 × 10^k; logarithmic ticks are
/// powers of ten (or 1, 2, 5 × 10^k when the range spans less than a decade). Labels are
/// as short as the step allows and use the same number of decimals along one axis.
public enum NiceTicks {
    /// Ticks inside `range` (inclusive, with a little tolerance for rounding), spaced by the
    /// nice step closest to giving `targetCount` intervals. A zero-width range yields its one
    /// value; a range with non-finite ends yields no ticks.
    public static func linear(in range: ClosedRange<Double>, targetCount: Int = 5) -> [Double] {
        let low = range.lowerBound, high = range.upperBound
        guard low.isFinite, high.isFinite else { return [] }
        let span = high - low
        guard span > 0, span.isFinite else { return [low] }
        let (multiplier, exponent) = niceStep(forRawStep: span / Double(max(targetCount, 1)))
        let step = decimalValue(multiplier, exponent)
        let tolerance = step * 1e-9
        let firstIndex = (low / step - 1e-9).rounded(.up)
        let lastIndex = (high / step + 1e-9).rounded(.down)
        guard firstIndex <= lastIndex, lastIndex - firstIndex < 10_000 else { return [] }
        return stride(from: firstIndex, through: lastIndex, by: 1).compactMap { index in
            let value = decimalValue(multiplier * index, exponent) + 0
            return value >= low - tolerance && value <= high + tolerance ? value : nil
        }
    }

    /// The distance between consecutive ticks returned by `linear(in:targetCount:)`.
    public static func linearStep(in range: ClosedRange<Double>, targetCount: Int = 5) -> Double {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return 1 }
        let (multiplier, exponent) = niceStep(forRawStep: span / Double(max(targetCount, 1)))
        return decimalValue(multiplier, exponent)
    }

    /// Ticks for a logarithmic axis over positive `range`: powers of ten, thinned to at most
    /// `maximumCount`; if fewer than two decades fall inside, 1, 2 and 5 × 10^k instead.
    public static func logarithmic(in range: ClosedRange<Double>, maximumCount: Int = 8) -> [Double] {
        let low = range.lowerBound, high = range.upperBound
        guard low > 0, high.isFinite, low.isFinite, high >= low else { return [] }
        let firstExponent = Int(log10(low).rounded(.down))
        let lastExponent = Int(log10(high).rounded(.up))
        let inside = { (value: Double) in value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9) }

        let decades = (firstExponent...lastExponent).map { decimalValue(1, $0) }.filter(inside)
        if decades.count >= 2 {
            let every = (decades.count + max(maximumCount, 2) - 1) / max(maximumCount, 2)
            return decades.enumerated().filter { $0.offset % every == 0 }.map { $0.element }
        }
        let mantissas: [Double] = [1, 2, 5]
        return (firstExponent...lastExponent).flatMap { exponent in
            mantissas.map { decimalValue($0, exponent) }
        }.filter(inside)
    }

    /// Labels for linear ticks spaced by `step`: integers when the step is whole, otherwise
    /// as many decimals as the step needs ("0.0", "0.5"); exponent notation ("1e-04",
    /// "2.5e+06") when the values are very small or very large.
    public static func linearLabels(for ticks: [Double], step: Double) -> [String] {
        guard step > 0, step.isFinite else { return ticks.map(compactLabel) }
        let largest = ticks.map { abs($0) }.max() ?? 0
        let stepExponent = Int(log10(step).rounded(.down))
        if largest >= 1e6 || step < 1e-3 {
            let largestExponent = largest > 0 ? Int(log10(largest).rounded(.down)) : stepExponent
            let digits = max(largestExponent - stepExponent, 0)
            return ticks.map { $0 == 0 ? "0" : exponentLabel($0, mantissaDecimals: digits) }
        }
        let decimals = (0...9).first { decimals in
            let scaled = step * decimalValue(1, decimals)
            return abs(scaled - scaled.rounded()) < 1e-6 * scaled
        } ?? 9
        return ticks.map { CLocaleNumberFormat.format("%.\(decimals)f", $0 + 0) }
    }

    /// Labels for logarithmic ticks: plain numbers from 0.001 to 10000, exponent notation
    /// ("1e-04", "1e+05") outside that.
    public static func logarithmicLabels(for ticks: [Double]) -> [String] {
        ticks.map(compactLabel)
    }

    /// A short label for one value: `%g` with up to four significant digits, exponent notation
    /// with a two-digit exponent outside 0.001...10000.
    public static func compactLabel(_ value: Double) -> String {
        guard value.isFinite else { return CSVFormat.float(value) }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e-3 && magnitude < 1e5 {
            return CLocaleNumberFormat.format("%.4g", value)
        }
        return exponentLabel(value, mantissaDecimals: 3)
    }

    /// `value` in exponent notation with at most `mantissaDecimals` decimals, trailing zeros
    /// of the mantissa removed: "1e-04", "2.5e+06".
    private static func exponentLabel(_ value: Double, mantissaDecimals: Int) -> String {
        let formatted = CLocaleNumberFormat.format("%.\(mantissaDecimals)e", value)
        guard let exponentStart = formatted.firstIndex(of: "e") else { return formatted }
        var mantissa = String(formatted[..<exponentStart])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        return mantissa + formatted[exponentStart...]
    }

    /// Splits a raw step into the next nice step `multiplier × 10^exponent`, multiplier 1, 2 or 5.
    private static func niceStep(forRawStep raw: Double) -> (multiplier: Double, exponent: Int) {
        let exponent = Int(log10(raw).rounded(.down))
        let fraction = raw / decimalValue(1, exponent)
        switch fraction {
        case ..<1.5: return (1, exponent)
        case ..<3.5: return (2, exponent)
        case ..<7.5: return (5, exponent)
        default: return (1, exponent + 1)
        }
    }

    /// `multiplier × 10^exponent` computed so decimal values come out as the nearest double
    /// (0.6, not 0.6000000000000001).
    private static func decimalValue(_ multiplier: Double, _ exponent: Int) -> Double {
        exponent >= 0 ? multiplier * pow(10, Double(exponent)) : multiplier / pow(10, Double(-exponent))
    }
}
