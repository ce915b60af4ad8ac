//! The `planlint` binary: everything lives in the library; this maps its outcome to an exit code.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    planlint::cli::main()
}
