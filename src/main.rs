//! Two entry points: with feature `csr` this mounts the browser app; with `ssr` it runs the server.

#[cfg(feature = "csr")]
fn main() {
    // A panic's message in the browser's console (which adds where it happened).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    gridcare::ui::mount();
}

#[cfg(feature = "ssr")]
#[tokio::main]
async fn main() -> std::process::ExitCode {
    use gridcare::server::{
        Application, Config, SystemClock, config::ConfigError, seed::DEMO_LOGINS,
        seed::DEMO_STAFF_TOTP,
    };
    use std::process::ExitCode;
    use std::sync::Arc;

    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();
    let config = match Config::load(|k| std::env::var(k).ok(), std::env::args().skip(1)) {
        Ok(c) => c,
        Err(ConfigError::Help) => {
            print!("{}", gridcare::server::config::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("gridcare: {e}");
            return ExitCode::from(2);
        }
    };
    let app = match Application::build(&config, Arc::new(SystemClock)).await {
        Ok(app) => app,
        Err(e) => {
            eprintln!("gridcare: {e}");
            return ExitCode::FAILURE;
        }
    };
    if !config.dist_dir.join("index.html").is_file() {
        eprintln!(
            "gridcare: warning: {} has no index.html; build the client with `cargo xtask run`",
            config.dist_dir.display()
        );
    }
    let addr = app.local_addr();
    println!("GridCare is running at http://{addr}/  (Ctrl-C stops it)");
    if config.demo {
        if app.seeded_demo() {
            println!("Demo data seeded.");
        }
        println!("Demo logins:");
        for (email, password, what) in DEMO_LOGINS {
            println!("  {email:<24} {password:<22} {what}");
        }
        println!("Staff sign in with a code from an authenticator app too; add these keys to one");
        println!("(time based, 6 digits, 30 s) or run `oathtool --totp -b KEY`:");
        for (email, key) in DEMO_STAFF_TOTP {
            println!("  {email:<24} {key}");
        }
    }
    match app.run_until(shutdown_signal()).await {
        Ok(()) => {
            println!("GridCare stopped.");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gridcare: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Ctrl-C or SIGTERM.
#[cfg(feature = "ssr")]
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

#[cfg(not(any(feature = "csr", feature = "ssr")))]
fn main() {
    eprintln!("build with --features ssr (the server) or --features csr (the client, via Trunk)");
}
