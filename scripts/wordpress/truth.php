<?php
/* What a WordPress site holds, read from its database through WordPress's own functions, as JSON: the truth the
 * WordPress tests and benchmark hold an archive against. Posts published (URL, title, date, author, categories,
 * tags, featured image, the captions in their content, number of pages), their approved comments (id, parent,
 * author, author URL, date, text), the site's static pages, and the posts nobody may read (drafts, private,
 * password-protected and scheduled posts) with their text, and the people who published posts (display name, bio,
 * author page, avatar).
 *
 *   BLOGARCHIVE_WP_SITE=NAME php truth.php WORDPRESS_DIR
 */
$_SERVER['HTTP_HOST'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';

function blogarchive_text(string $html): string {
    return trim(preg_replace('/\s+/u', ' ', html_entity_decode(wp_strip_all_tags($html), ENT_QUOTES | ENT_HTML5)));
}

function blogarchive_captions(string $content): array {
    preg_match_all('/<figcaption[^>]*>(.*?)<\/figcaption>|\[caption[^\]]*\].*?(?:\/>|<\/a>)\s*(.*?)\[\/caption\]/su', $content, $m);
    return array_values(array_filter(array_map('blogarchive_text', array_map(fn($a, $b) => $a . $b, $m[1], $m[2]))));
}

$posts = [];
foreach (get_posts(['post_type' => 'post', 'post_status' => 'publish', 'numberposts' => -1, 'has_password' => false]) as $post) {
    $comments = [];
    foreach (get_comments(['post_id' => $post->ID, 'status' => 'approve', 'type' => 'comment', 'orderby' => 'comment_ID', 'order' => 'ASC']) as $c) {
        $comments[] = [
            'id' => (string) $c->comment_ID, 'parent' => $c->comment_parent ? (string) $c->comment_parent : null,
            'author' => $c->comment_author, 'author_url' => $c->comment_author_url ?: null,
            'date' => mysql2date('c', $c->comment_date), 'text' => blogarchive_text($c->comment_content),
        ];
    }
    $thumbnail = get_post_thumbnail_id($post);
    $posts[] = [
        'id' => $post->ID, 'url' => get_permalink($post), 'title' => html_entity_decode(get_the_title($post), ENT_QUOTES),
        'date' => get_the_date('c', $post), 'author' => get_the_author_meta('display_name', $post->post_author),
        'categories' => wp_get_post_categories($post->ID, ['fields' => 'names']),
        'tags' => wp_get_post_tags($post->ID, ['fields' => 'names']),
        'featured_image' => $thumbnail ? wp_get_attachment_url($thumbnail) : null,
        'captions' => blogarchive_captions($post->post_content),
        'text' => blogarchive_text(do_shortcode(str_replace('<!--nextpage-->', "\n", $post->post_content))),
        'pages' => substr_count($post->post_content, '<!--nextpage-->') + 1,
        'comments' => $comments,
    ];
}
$pages = array_map(fn($p) => get_permalink($p), get_posts(['post_type' => 'page', 'post_status' => 'publish', 'numberposts' => -1]));
$hidden = [];
foreach (get_posts(['post_type' => 'post', 'post_status' => ['draft', 'private', 'future', 'publish'], 'numberposts' => -1]) as $post) {
    if ($post->post_status !== 'publish' || $post->post_password !== '') {
        $hidden[] = ['id' => $post->ID, 'status' => $post->post_password !== '' ? 'password' : $post->post_status,
                     'title' => $post->post_title, 'text' => blogarchive_text($post->post_content)];
    }
}
$people = [];
foreach (get_users(['has_published_posts' => ['post']]) as $user) {
    $people[] = [
        'name' => $user->display_name, 'bio' => get_the_author_meta('description', $user->ID) ?: null,
        'url' => get_author_posts_url($user->ID), 'avatar_url' => get_option('show_avatars') ? get_avatar_url($user->ID) : null,
    ];
}
$unapproved = array_map(fn($c) => blogarchive_text($c->comment_content), get_comments(['status' => ['hold', 'spam']]));
echo json_encode(['home' => home_url('/'), 'theme' => get_stylesheet(), 'permalinks' => get_option('permalink_structure') ? 'pretty' : 'plain',
                  'posts' => $posts, 'pages' => $pages, 'hidden' => $hidden, 'unapproved_comments' => $unapproved,
                  'people' => $people],
                 JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT), "\n";
