import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// printf-style formatting of one `Double` under the "C" locale, whatever the process locale.
///
/// Numbers written to CSV files and drawn on figures must look the same on every machine;
/// a process that called `setlocale` with, say, a German locale would otherwise print
/// "0,5" instead of "0.5". The "C" locale is switched on for the calling thread only
/// (`uselocale`), around a single `vsnprintf` call.
enum CLocaleNumberFormat {
    private nonisolated(unsafe) static let cLocale: locale_t? = newlocale(LC_NUMERIC_MASK, "C", nil)

    /// Formats `value` with a printf conversion such as `"%.7g"` or `"%.2f"`.
    static func format(_ conversion: String, _ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        let previousLocale = cLocale.map { uselocale($0) }
        defer { if let previousLocale { _ = uselocale(previousLocale) } }
        _ = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress!, $0.count, conversion, arguments) }
        }
        return String(cString: buffer)
    }
}
