<?php
/* Change a WordPress site's permalink structure as Settings → Permalinks does (wp-admin/options-permalink.php: the
 * structure set through WP_Rewrite, and the rewrite rules built anew on the next request, when the taxonomies'
 * permalink structures take the new one's front too): the WordPress tests recrawl a site whose posts moved so.
 *
 *   BLOGARCHIVE_WP_SITE=NAME php permalinks.php WORDPRESS_DIR STRUCTURE      (STRUCTURE: "/%postname%/", "" for plain)
 */
$_SERVER['HTTP_HOST'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';

global $wp_rewrite;
$wp_rewrite->set_permalink_structure($argv[2]);
delete_option('rewrite_rules');
echo "permalink structure: " . get_option('permalink_structure') . "\n";
