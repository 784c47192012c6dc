<?php
/* Fills one WordPress site through WordPress's own functions (Debian has no WP-CLI): the install, users with
 * biographies, categories and tags, posts in English, German and Korean (short ones, an empty one, one that is
 * an image alone, a <!--nextpage--> post, a gallery, [caption] shortcodes, featured images, a tag named as a
 * category, a post listing the latest posts and comments), drafts, private, password-protected and scheduled
 * posts, threaded comments (approved, pending, spam; one thread deeper than WordPress's depth limit shows), a
 * page with two query-loop blocks, the theme and the permalink
 * structure. With a sixth argument, WordPress's theme unit test data (a WXR file) is imported too.
 *
 *   BLOGARCHIVE_WP_SITE=NAME php fill.php WORDPRESS_DIR CONTENT_JSON THEME pretty|plain HOME_URL
 *       on-the-page|scripted-comments [WXR_FILE]
 */
[, $blogarchive_root, $blogarchive_content, $blogarchive_theme, $blogarchive_permalinks, $blogarchive_home,
    $blogarchive_comments] = $argv;
$blogarchive_wxr = $argv[7] ?? '';
$_SERVER['HTTP_HOST'] = parse_url($blogarchive_home, PHP_URL_HOST) . ':' . parse_url($blogarchive_home, PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require $blogarchive_root . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/post.php';

add_filter('pre_wp_mail', '__return_false');  // no mail leaves the machine
$content = json_decode(file_get_contents($blogarchive_content), true);
wp_install('Stone and Bread', 'admin', 'admin@example.org', true, '', 'admin-password-not-used', 'en_US');
update_option('timezone_string', 'Europe/Berlin');
/* wp_install() wrote "Hello world!" and its comment in UTC, before the site had a time zone: as a site installed
 * with its time zone chosen, their local times are Berlin's. */
wp_update_post(['ID' => 1, 'post_date_gmt' => get_gmt_from_date(get_post(1)->post_date)]);
$blogarchive_first = get_comment(1);
wp_update_comment(['comment_ID' => 1, 'comment_date_gmt' => get_gmt_from_date($blogarchive_first->comment_date)]);
update_option('thread_comments', 1);
update_option('thread_comments_depth', 5);
update_option('page_comments', 0);
update_option('comment_moderation', 0);
update_option('comment_previously_approved', 0);

$users = [];
foreach ($content['users'] as $user) {
    $users[$user['login']] = wp_insert_user([
        'user_login' => $user['login'], 'user_pass' => wp_generate_password(), 'user_email' => $user['email'],
        'display_name' => $user['display_name'], 'nickname' => $user['display_name'],
        'first_name' => explode(' ', $user['display_name'])[0], 'description' => $user['description'],
        'role' => 'author',
    ]);
}

/* Images: made with GD, uploaded as attachments (WordPress makes their sizes). */
$images = [];
$uploads = wp_upload_dir('2023/01');
foreach ($content['images'] as $image) {
    $canvas = imagecreatetruecolor($image['width'], $image['height']);
    [$r, $g, $b] = $image['color'];
    imagefill($canvas, 0, 0, imagecolorallocate($canvas, $r, $g, $b));
    for ($i = 0; $i < 12; $i++) {  // some structure, so that the files differ in more than their colour
        $shade = imagecolorallocate($canvas, ($r + 20 * $i) % 256, ($g + 7 * $i) % 256, ($b + 13 * $i) % 256);
        imagefilledellipse($canvas, 80 * $i + 40, ($image['height'] / 12) * $i + 30, 120, 90, $shade);
    }
    $file = $uploads['path'] . '/' . $image['key'] . '.jpg';
    // The sites share wp-content/uploads and are filled at once: written beside and renamed, so that another
    // site's fill never reads a file half written (it read a truncated one as 1x1 and printed width="1").
    $partial = $file . '.' . getmypid() . '.part';
    imagejpeg($canvas, $partial, 80);
    rename($partial, $file);
    $id = wp_insert_attachment([
        'post_mime_type' => 'image/jpeg', 'post_title' => $image['title'], 'post_excerpt' => $image['caption'],
        'post_status' => 'inherit', 'post_date' => '2023-01-01 08:00:00',
    ], $file);
    wp_update_attachment_metadata($id, wp_generate_attachment_metadata($id, $file));
    update_post_meta($id, '_wp_attachment_image_alt', $image['alt']);
    $images[$image['key']] = $id;
}

function blogarchive_fill_text(string $text, array $images): string {
    return preg_replace_callback('/\{\{(img|id):(\w+)\}\}/', function ($m) use ($images) {
        return $m[1] === 'id' ? (string) $images[$m[2]] : wp_get_attachment_image_url($images[$m[2]], 'large');
    }, $text);
}

function blogarchive_terms(array $names, string $taxonomy): array {
    $ids = [];
    foreach ($names as $name) {
        $term = term_exists($name, $taxonomy) ?: wp_insert_term($name, $taxonomy);
        $ids[] = (int) $term['term_id'];
    }
    return $ids;
}

function blogarchive_comments(int $post, array $comments, int $parent, string $date, array $users): void {
    static $minute = 0;
    foreach ($comments as $comment) {
        $minute += 37;
        $when = date('Y-m-d H:i:s', strtotime($date) + 3600 * 5 + 60 * $minute);
        $user = $users[$comment['by']] ?? 0;
        $name = $user ? get_userdata($user)->display_name : $comment['by'];
        $approved = ['approved' => 1, 'pending' => 0, 'spam' => 'spam'][$comment['status']];
        $slug = sanitize_title($name) ?: 'reader';
        $id = wp_insert_comment([
            'comment_post_ID' => $post, 'comment_parent' => $parent, 'user_id' => $user,
            'comment_author' => $name, 'comment_author_email' => $user ? get_userdata($user)->user_email : "$slug@example.net",
            'comment_author_url' => $user ? '' : "https://$slug.example.net/",
            'comment_content' => $comment['text'], 'comment_approved' => $approved,
            'comment_date' => $when, 'comment_date_gmt' => get_gmt_from_date($when),
        ]);
        blogarchive_comments($post, $comment['replies'], $id, $when, $users);
    }
}

foreach (array_merge($content['posts'], $content['hidden'], $content['pages']) as $post) {
    $is_page = in_array($post, $content['pages'], true);
    $id = wp_insert_post([
        'post_type' => $is_page ? 'page' : 'post', 'post_name' => $post['slug'], 'post_title' => $post['title'],
        'post_content' => blogarchive_fill_text($post['content'], $images), 'post_author' => $users[$post['author']],
        'post_status' => $post['status'] ?? 'publish', 'post_password' => $post['password'] ?? '',
        'post_date' => $post['date'], 'post_date_gmt' => get_gmt_from_date($post['date']),
        'comment_status' => 'open',
    ], true);
    if (is_wp_error($id)) {
        fwrite(STDERR, "post {$post['slug']}: {$id->get_error_message()}\n");
        exit(1);
    }
    if (!$is_page) {
        wp_set_post_terms($id, blogarchive_terms($post['categories'], 'category'), 'category');
        wp_set_post_terms($id, $post['tags'], 'post_tag');
    }
    if (!empty($post['thumbnail'])) {
        set_post_thumbnail($id, $images[$post['thumbnail']]);
    }
    blogarchive_comments($id, $post['comments'] ?? [], 0, $post['date'], $users);
}
wp_update_comment_count_now(1);

if ($blogarchive_wxr !== '') {
    require __DIR__ . '/import_wxr.php';
    blogarchive_import_wxr($blogarchive_wxr, $users);
}

update_option('blogarchive_comments_by_script', $blogarchive_comments === 'scripted-comments' ? 1 : 0);
switch_theme($blogarchive_theme);
update_option('permalink_structure', $blogarchive_permalinks === 'pretty' ? '/%year%/%monthnum%/%day%/%postname%/' : '');
flush_rewrite_rules(true);
echo "site filled: $blogarchive_theme, $blogarchive_permalinks permalinks, $blogarchive_home\n";
