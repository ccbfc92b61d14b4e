//! Building the application from configuration, so `main` and the tests start it the same way.

use crate::server::clock::Clock;
use crate::server::config::Config;
use crate::server::store::{Store, StoreError};
use crate::server::{http, seed};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

/// What every request can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot open the database: {0}")]
    Store(#[from] StoreError),
    #[error("cannot seed the demo data: {0}")]
    Seed(StoreError),
    #[error("cannot listen on {0}: {1}")]
    Bind(SocketAddr, std::io::Error),
}

/// A built server, bound to its port, not yet serving.
pub struct Application {
    listener: TcpListener,
    router: axum::Router,
    state: AppState,
    seeded: bool,
}

impl Application {
    /// Opens and migrates the database, seeds demo data if asked, binds the port.
    pub async fn build(config: &Config, clock: Arc<dyn Clock>) -> Result<Self, StartError> {
        let store = Store::connect(&config.database_url).await?;
        let seeded = if config.demo {
            seed::demo(&store, clock.as_ref())
                .await
                .map_err(StartError::Seed)?
        } else {
            false
        };
        let listener = TcpListener::bind(config.addr)
            .await
            .map_err(|e| StartError::Bind(config.addr, e))?;
        let state = AppState { store, clock };
        let router = http::router(state.clone(), &config.dist_dir);
        Ok(Application {
            listener,
            router,
            state,
            seeded,
        })
    }

    /// The address actually bound (tests bind port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// The shared state, for tests that look into the database.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// True when this start seeded the demo data (first start in demo mode).
    pub fn seeded_demo(&self) -> bool {
        self.seeded
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let store = self.state.store.clone();
        let served = axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown)
            .await;
        store.close().await;
        served
    }
}
