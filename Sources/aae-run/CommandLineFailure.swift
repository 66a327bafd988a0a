import ArgumentParser
import Foundation

/// Turns errors into a message on stderr and a non-zero exit status, without a stack trace.
enum CommandLineFailure {
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("aae-run: \(error)")
            throw ExitCode.failure
        }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
