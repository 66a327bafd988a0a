import Foundation

/// Formatting of numbers, fields and rows for RFC 4180 CSV files.
///
/// Every number written by the tool goes through `float(_:)` so that result files are
/// byte-stable across machines and locales and can be compared with `diff`.
public enum CSVFormat {
    /// Formats `x` like C's `printf("%.7g", x)` under the "C" locale.
    ///
    /// - Seven significant digits, rounded to nearest.
    /// - Fixed notation when the decimal exponent `e` satisfies `-4 <= e < 7`, otherwise
    ///   exponent notation with a sign and at least two exponent digits (`1e-05`, `1.234568e+07`).
    /// - Trailing zeros and a trailing decimal point are removed (`3`, `0.5`).
    /// - The decimal separator is always `.`, whatever the process locale.
    /// - Negative zero is written as `0`, so a value that merely rounds through zero does not
    ///   produce a spurious sign.
    /// - Non-finite values are `nan`, `inf` and `-inf` (NaN carries no sign).
    public static func float(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == 0 { return "0" }
        return CLocaleNumberFormat.format("%.7g", x)
    }

    /// Formats a `Float` exactly as its `Double` value would be (see `float(_: Double)`).
    public static func float(_ x: Float) -> String {
        float(Double(x))
    }

    /// Returns `s` unchanged, or quoted with inner quotes doubled if it contains a comma,
    /// a double quote, CR or LF.
    public static func field(_ s: String) -> String {
        let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Joins the quoted fields with commas and terminates the line with `"\n"`.
    ///
    /// A row made of one empty field is written as `""` so that it does not read back as a
    /// blank line, which `CSVTable.parse` skips.
    public static func row(_ fields: [String]) -> String {
        if fields == [""] { return "\"\"\n" }
        return fields.map(field).joined(separator: ",") + "\n"
    }
}
