<?php
/* A must-use plugin of the WordPress test sites: on a site with the option blogarchive_comments_by_script, the
 * pages show no comment, as with themes that load them by script from WordPress's REST API after the page. */
if (get_option('blogarchive_comments_by_script')) {
    add_filter('comments_template', fn() => __DIR__ . '/blogarchive-no-comments.php');
    add_filter('render_block_core/comments', fn() => '<div class="comments-by-script"></div>');
    add_filter('render_block_core/post-comments', fn() => '<div class="comments-by-script"></div>');
}
