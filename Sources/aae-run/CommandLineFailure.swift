import AAEReport
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
            printError("aae-run: \(FileErrorMessage.describe(error))")
            throw ExitCode.failure
        }
    }

    /// Refuses a command-line value with one line on stderr and exit status 64,
    /// the status of every usage error.
    static func usage(_ line: String) -> ExitCode {
        printError("aae-run: \(line)")
        return ExitCode.validationFailure
    }

    /// Refuses `--jobs` below 1.
    static func checkJobs(_ jobs: Int?) throws {
        if let jobs, jobs < 1 { throw usage("--jobs must be at least 1, found \(jobs)") }
    }

    /// Refuses `--threads` below 1.
    static func checkThreads(_ threads: Int?) throws {
        if let threads, threads < 1 { throw usage("--threads must be at least 1, found \(threads)") }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
