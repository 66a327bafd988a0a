import CZlib
import Foundation

/// Reads a whole file through zlib, so gzip-compressed and plain files load the same way.
///
/// zlib's `gzread` passes uncompressed input through unchanged, which lets the loaders
/// accept both `t10k-images-idx3-ubyte.gz` and its unpacked twin without sniffing formats.
/// A stream that zlib rejects, or that ends early, is an error rather than short data.
public enum GzipFile {
    private static let chunkSize = 1 << 20

    /// Returns the decompressed contents of the file at `url` (or its raw bytes if it is not gzip).
    public static func read(_ url: URL) throws -> [UInt8] {
        let path = url.path
        let file = try open(path)
        defer { _ = gzclose_r(file) }
        _ = gzbuffer(file, UInt32(chunkSize))

        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let bytesRead = chunk.withUnsafeMutableBytes { buffer in
                gzread(file, buffer.baseAddress, UInt32(buffer.count))
            }
            if bytesRead < 0 {
                throw DataError.corruptGzip(path: path, reason: errorMessage(of: file, path: path).message)
            }
            if bytesRead == 0 { break }
            contents.append(contentsOf: chunk[..<Int(bytesRead)])
        }

        let status = errorMessage(of: file, path: path)
        if status.code == Z_BUF_ERROR {
            throw DataError.truncatedGzip(path: path)
        }
        if status.code != Z_OK {
            throw DataError.corruptGzip(path: path, reason: status.message)
        }
        return contents
    }

    /// The first `count` decompressed bytes of the file at `url` (fewer when it is shorter),
    /// read without decompressing the rest: enough to check a header cheaply.
    public static func readPrefix(_ url: URL, count: Int) throws -> [UInt8] {
        let path = url.path
        let file = try open(path)
        defer { _ = gzclose_r(file) }
        var prefix = [UInt8](repeating: 0, count: count)
        let bytesRead = prefix.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
        if bytesRead < 0 {
            throw DataError.corruptGzip(path: path, reason: errorMessage(of: file, path: path).message)
        }
        return Array(prefix[..<Int(bytesRead)])
    }

    /// The file at `path` opened for reading through zlib; the caller closes it.
    private static func open(_ path: String) throws -> gzFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError.missingFile(path: path)
        }
        guard !isDirectory.boolValue else {
            throw DataError.unreadable(path: path, reason: "it is a directory")
        }
        guard let file = gzopen(path, "rb") else {
            throw DataError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        return file
    }

    /// zlib's error code and message for `file`, without the "path: " prefix zlib adds.
    private static func errorMessage(of file: gzFile, path: String) -> (code: Int32, message: String) {
        var code: Int32 = Z_OK
        guard let cMessage = gzerror(file, &code) else { return (code, "unknown zlib error") }
        if code == Z_ERRNO { return (code, String(cString: strerror(errno))) }
        let message = String(cString: cMessage)
        let pathPrefix = path + ": "
        return (code, message.hasPrefix(pathPrefix) ? String(message.dropFirst(pathPrefix.count)) : message)
    }
}
