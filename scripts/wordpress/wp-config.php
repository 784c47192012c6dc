<?php
/* The wp-config.php of a WordPress started by scripts/wordpress.sh (@DIR@ is its folder). One database, one table
 * prefix per site; which site a request is for is told by nginx (fastcgi_param BLOGARCHIVE_WP_SITE, one port per
 * site), and to the PHP command line by the environment variable of the same name. */
$blogarchive_site = $_SERVER['BLOGARCHIVE_WP_SITE'] ?? getenv('BLOGARCHIVE_WP_SITE');
if (!$blogarchive_site || !preg_match('/^[a-z0-9_]+$/', $blogarchive_site)) {
    header('HTTP/1.0 500 Internal Server Error');
    exit("BLOGARCHIVE_WP_SITE is not set\n");
}
$blogarchive_port = null;
foreach (file('@DIR@/ports', FILE_IGNORE_NEW_LINES) as $line) {
    [$name, $port] = explode(' ', $line);
    if ($name === $blogarchive_site) {
        $blogarchive_port = $port;
    }
}
define('WP_HOME', "http://127.0.0.1:$blogarchive_port");
define('WP_SITEURL', "http://127.0.0.1:$blogarchive_port");
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:@DIR@/run/mysqld.sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_CONTENT_DIR', '@DIR@/wordpress/wp-content');
define('WP_CONTENT_URL', WP_HOME . '/wp-content');
define('AUTH_KEY', 'blogarchive-test'); define('SECURE_AUTH_KEY', 'blogarchive-test');
define('LOGGED_IN_KEY', 'blogarchive-test'); define('NONCE_KEY', 'blogarchive-test');
define('AUTH_SALT', 'blogarchive-test'); define('SECURE_AUTH_SALT', 'blogarchive-test');
define('LOGGED_IN_SALT', 'blogarchive-test'); define('NONCE_SALT', 'blogarchive-test');
/* Nothing leaves the machine: no cron by loopback request, no update checks, no external HTTP. */
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', false);
$table_prefix = $blogarchive_site . '_';
if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
