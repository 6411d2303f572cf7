document.body.dataset.fixture = "site-test";
