//! Building the application from configuration, so `main` and the tests start it the same way.

use crate::server::clock::Clock;
use crate::server::config::Config;
use crate::server::mailsink::MailSink;
use crate::server::notify::{MailConfigError, Mailer, Notifier, Sender, SmsClient};
use crate::server::pay::Provider;
use crate::server::paysandbox::PaySandbox;
use crate::server::smsgateway::SmsGateway;
use crate::server::store::{Store, StoreError};
use crate::server::{http, seed};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

/// What every request can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    /// Writes notices and signs their unsubscribe links.
    pub notifier: Notifier,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Arc<Vec<std::net::IpAddr>>,
    /// The outage notices, kept for a few seconds for every visitor.
    pub outages: Arc<crate::server::cache::OutageCache>,
    /// The payment provider, when online payment is set up.
    pub pay: Option<Arc<crate::server::pay::Provider>>,
    /// The most one payment may be.
    pub pay_max: crate::domain::Fen,
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
    #[error("{0}")]
    Mail(#[from] MailConfigError),
    #[error("cannot start the demo's loopback mail server, SMS gateway or payment sandbox: {0}")]
    Loopback(std::io::Error),
    #[error("cannot set up the payment provider: {0}")]
    Pay(reqwest::Error),
}

/// A built server, bound to its port, not yet serving.
pub struct Application {
    listener: TcpListener,
    router: axum::Router,
    limits: Limits,
    state: AppState,
    seeded: bool,
    sender: Sender,
    send_every: Option<Duration>,
    mail_sink: Option<MailSink>,
    sms_gateway: Option<SmsGateway>,
    pay_sandbox: Option<PaySandbox>,
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
        let addr = listener
            .local_addr()
            .map_err(|e| StartError::Bind(config.addr, e))?;
        let public_url = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{addr}"));
        let notifier = Notifier::load(&store, &public_url).await?;
        // The demo sends to servers of its own on loopback; otherwise only to what is set.
        let mail_sink = match (&config.smtp_url, config.demo) {
            (None, true) => {
                Some(MailSink::start(Some(config.mail_dir.clone())).map_err(StartError::Loopback)?)
            }
            _ => None,
        };
        let mailer = match (&config.smtp_url, &mail_sink) {
            (Some(url), _) => Some(Mailer::new(url, &config.mail_from)?),
            (None, Some(sink)) => Some(Mailer::new(&sink.url(), &config.mail_from)?),
            (None, None) => {
                tracing::warn!("GRIDCARE_SMTP_URL is not set: emails wait in the outbox");
                None
            }
        };
        let sms_gateway = match (&config.sms, config.demo) {
            (None, true) => Some(
                SmsGateway::start(clock.clone(), Some(config.sms_dir.clone()))
                    .await
                    .map_err(StartError::Loopback)?,
            ),
            _ => None,
        };
        let sms = match (&config.sms, &sms_gateway) {
            (Some((url, key, secret)), _) => Some(SmsClient::new(url, key, secret)),
            (None, Some(g)) => Some(SmsClient::new(&g.url(), &g.key, &g.secret)),
            (None, None) => None,
        };
        let pay_sandbox = match (&config.pay, config.demo) {
            (None, true) => Some(
                PaySandbox::start(clock.clone())
                    .await
                    .map_err(StartError::Loopback)?,
            ),
            _ => None,
        };
        let pay = match (&config.pay, &pay_sandbox) {
            (Some((url, key, secret)), _) => Some(Provider::new(url, key, secret)),
            (None, Some(s)) => Some(Provider::new(&s.url(), &s.key, &s.secret)),
            (None, None) => None,
        }
        .transpose()
        .map_err(StartError::Pay)?
        .map(Arc::new);
        let sender = Sender {
            store: store.clone(),
            clock: clock.clone(),
            notifier: notifier.clone(),
            mailer,
            sms,
            pay: pay.clone(),
            id: format!(
                "{}-{}",
                std::process::id(),
                crate::server::auth::new_token()
            ),
        };
        let state = AppState {
            store,
            clock,
            notifier,
            trusted_proxies: Arc::new(config.trusted_proxies.clone()),
            outages: Arc::default(),
            pay,
            pay_max: crate::domain::Fen(config.pay_max_fen),
        };
        let router = http::router(state.clone(), &config.dist_dir).layer(http::limits(
            config.max_concurrent,
            Duration::from_secs(config.request_timeout_secs),
        ));
        Ok(Application {
            listener,
            router,
            limits: Limits {
                header_timeout: Duration::from_secs(config.header_timeout_secs),
            },
            state,
            seeded,
            sender,
            send_every: (config.send_every_ms > 0)
                .then(|| Duration::from_millis(config.send_every_ms)),
            mail_sink,
            sms_gateway,
            pay_sandbox,
        })
    }

    /// This server's sender (tests run it by hand).
    pub fn sender(&self) -> &Sender {
        &self.sender
    }

    /// The demo's loopback mail server, when one was started.
    pub fn mail_sink(&self) -> Option<&MailSink> {
        self.mail_sink.as_ref()
    }

    /// The demo's payment sandbox, when one was started.
    pub fn pay_sandbox(&self) -> Option<&PaySandbox> {
        self.pay_sandbox.as_ref()
    }

    /// The demo's loopback SMS gateway, when one was started.
    pub fn sms_gateway(&self) -> Option<&SmsGateway> {
        self.sms_gateway.as_ref()
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
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let sending = self
            .send_every
            .map(|every| tokio::spawn(self.sender.clone().run(every, stopped)));
        let served = serve(self.listener, self.router, self.limits, shutdown).await;
        let _ = stop.send(true);
        if let Some(sending) = sending {
            let _ = sending.await;
        }
        store.close().await;
        served
    }
}

/// What one server allows a connection and a request.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub header_timeout: Duration,
}

/// Serves `router` on `listener` until `shutdown`, then lets the requests in flight finish.
/// Like `axum::serve`, plus a time limit for a request's headers: a client that sends them a
/// byte at a time (slowloris) is cut off instead of holding a connection open for ever.
async fn serve(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use hyper_util::server::conn::auto::Builder;
    use hyper_util::service::TowerToHyperService;
    use tower::ServiceExt;
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = shutdown.as_mut() => break,
        };
        let service =
            router
                .clone()
                .map_request(move |req: ::http::Request<hyper::body::Incoming>| {
                    let mut req = req.map(axum::body::Body::new);
                    req.extensions_mut()
                        .insert(axum::extract::ConnectInfo(peer));
                    req
                });
        let conn = builder
            .serve_connection_with_upgrades(TokioIo::new(stream), TowerToHyperService::new(service))
            .into_owned();
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "a connection ended with an error");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}
