/// The lengths a path may have on Linux: each name at most `maximumNameBytes`, the
/// whole at most `maximumPathBytes`. Checked before a folder is made, so that a path
/// too long is refused with one line and nothing is created on the way to it.
public enum PathLimits {
    /// The longest file name most file systems accept, in bytes (`NAME_MAX`).
    public static let maximumNameBytes = 255
    /// The longest path the system accepts, in bytes (`PATH_MAX` less its terminator).
    public static let maximumPathBytes = 4_095

    /// Why `path` is too long, or nil when it is not.
    public static func problem(_ path: String) -> String? {
        if path.utf8.count > maximumPathBytes {
            return "the path is \(path.utf8.count) bytes long, more than the \(maximumPathBytes) a path may have; shorten it"
        }
        if let long = path.split(separator: "/").first(where: { $0.utf8.count > maximumNameBytes }) {
            return "a folder name of the path is \(long.utf8.count) bytes long, more than the \(maximumNameBytes) "
                + "a name may have; shorten it"
        }
        return nil
    }

    /// Throws `problem(path)` as an error naming `what` (`--out`).
    public static func check(_ path: String, what: String) throws {
        if let problem = problem(path) { throw RunError("\(what): \(problem)") }
    }
}
