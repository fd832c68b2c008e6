/**
 * Canvas scenes for the dataset, drawn in Chromium: flat-coloured vector animation (cartoon
 * landscape, motion graphics) and small scripted games (platformer, maze, first-person raycaster,
 * shooter, pseudo-3D racing) at a low internal resolution, scaled up with hard pixels and a score HUD,
 * as console and retro games look. Each page defines `window.step(t)`; everything is a function of t.
 */

/** One canvas scene: family name, content type, internal size and the drawing code `draw(g, t)`. */
export interface CanvasScene {
  family: string;
  type: 'animation' | 'gameplay';
  /** A game drawn at its full resolution (a modern 3-D or strategy view), not pixel art scaled up. */
  smooth?: boolean;
  w: number;
  h: number;
  draw: string;
}

/** A page that shows `scene` scaled to the viewport (`pixelated` for games). */
export function scenePage(scene: CanvasScene): string {
  const css = scene.type === 'gameplay' && !scene.smooth ? 'image-rendering:pixelated' : '';
  return `<!doctype html><html><body style="margin:0;background:#000;overflow:hidden">
<canvas id="c" width="${scene.w}" height="${scene.h}" style="width:100vw;height:100vh;${css}"></canvas>
<script>const g=document.getElementById('c').getContext('2d');g.imageSmoothingEnabled=false;
const W=${scene.w},H=${scene.h};const R=(s)=>()=>((s=(s*1664525+1013904223)>>>0)/4294967296);
const HUD=(txt,x,y,c)=>{g.fillStyle=c||'#fff';g.font='bold 8px monospace';g.fillText(txt,x,y);};
${scene.draw}
window.step=(t)=>draw(t);</script></body></html>`;
}

const cartoon = `function draw(t){g.fillStyle='#7ec8f0';g.fillRect(0,0,W,H);
g.fillStyle='#ffd23f';g.beginPath();g.arc(100+t*40,90,50,0,7);g.fill();
for(let i=0;i<4;i++){const x=((i*300+t*30*(i+1))%(W+200))-100;g.fillStyle='#fff';g.beginPath();g.ellipse(x,70+i*30,60,22,0,0,7);g.fill();}
g.fillStyle='#4caf50';g.beginPath();g.moveTo(0,H);for(let x=0;x<=W;x+=20)g.lineTo(x,H*0.62+30*Math.sin(x/120+1));g.lineTo(W,H);g.fill();
g.fillStyle='#2e7d32';g.beginPath();g.moveTo(0,H);for(let x=0;x<=W;x+=20)g.lineTo(x,H*0.75+20*Math.sin(x/80+t*0.2));g.lineTo(W,H);g.fill();
const bx=(t*160)%(W+100)-50,by=H*0.72-Math.abs(Math.sin(t*4))*120;g.lineWidth=5;g.strokeStyle='#222';
g.fillStyle='#e53935';g.beginPath();g.arc(bx,by,40,0,7);g.fill();g.stroke();g.fillStyle='#fff';g.beginPath();g.arc(bx+12,by-10,12,0,7);g.fill();g.stroke();
g.fillStyle='#222';g.beginPath();g.arc(bx+15,by-10,5,0,7);g.fill();}`;

const motionGraphics = `function draw(t){g.fillStyle='#1d1f3b';g.fillRect(0,0,W,H);
const cs=['#ff5e5b','#ffed66','#00cecb','#d8d8d8','#7b2cbf'];
for(let i=0;i<6;i++){g.save();g.translate(W*(0.15+i*0.14),H/2+60*Math.sin(t*2+i));g.rotate(t*(i%2?1:-1)+i);
g.fillStyle=cs[i%5];g.beginPath();const n=3+i%4;for(let k=0;k<n;k++){const a=k/n*6.283;g.lineTo(50*Math.cos(a),50*Math.sin(a));}g.fill();g.restore();}
for(let i=0;i<3;i++){const r=((t*120+i*150)%450);g.strokeStyle=cs[(i+2)%5];g.lineWidth=8;g.beginPath();g.arc(W/2,H/2,r,0,7);g.stroke();}
g.fillStyle='#fff';g.font='bold 64px sans-serif';g.fillText('ROUTE',W/2-100+Math.max(0,300-t*200),H-60);}`;

const outlines = `function draw(t){g.fillStyle='#f6e7c1';g.fillRect(0,0,W,H);g.lineWidth=6;g.strokeStyle='#111';
for(let i=0;i<5;i++){g.fillStyle=['#ff8c42','#6a4c93','#1982c4','#8ac926','#ff595e'][i];const x=80+i*170,y=H/2+50*Math.sin(t*3+i*1.3);
g.beginPath();g.roundRect(x,y-60,120,120,24);g.fill();g.stroke();g.fillStyle='#fff';g.beginPath();g.arc(x+40,y-15,16,0,7);g.arc(x+80,y-15,16,0,7);g.fill();g.stroke();
g.fillStyle='#111';g.beginPath();g.arc(x+40+5*Math.sin(t*5),y-15,6,0,7);g.arc(x+80+5*Math.sin(t*5),y-15,6,0,7);g.fill();g.beginPath();g.arc(x+60,y+25,20,0.2,2.9);g.stroke();}}`;

const platformer = `const rnd=R(11);const tiles=[];for(let i=0;i<400;i++)tiles.push(rnd()<0.2?3+Math.floor(rnd()*3):0);
function draw(t){const sx=Math.floor(t*48);g.fillStyle='#5c94fc';g.fillRect(0,0,W,H);
for(let i=0;i<30;i++){const x=i*16-(sx%16),k=Math.floor(sx/16)+i;g.fillStyle='#c84c0c';g.fillRect(x,H-32,16,32);g.fillStyle='#000';g.fillRect(x,H-32,16,1);g.fillRect(x+7,H-31,1,15);
if(tiles[k]){g.fillStyle='#fca044';g.fillRect(x,H-32-16*tiles[k],16,16);g.fillStyle='#000';g.fillRect(x,H-32-16*tiles[k],16,1);}
if(k%13===0){g.fillStyle='#00a800';g.fillRect(x,H-64,24,32);g.fillStyle='#80d010';g.fillRect(x+2,H-64,4,32);}}
const py=H-48-Math.floor(Math.abs(Math.sin(t*3))*40);g.fillStyle='#d82800';g.fillRect(60,py-16,12,8);g.fillStyle='#fca044';g.fillRect(60,py-8,12,6);g.fillStyle='#0000a8';g.fillRect(60,py-2,12,10);
for(let e=0;e<3;e++){const ex=((e*140-sx*0.6)%300+300)%300;g.fillStyle='#a0522d';g.fillRect(ex,H-46,14,14);g.fillStyle='#fff';g.fillRect(ex+3,H-42,3,3);g.fillRect(ex+8,H-42,3,3);}
HUD('SCORE '+String(100*Math.floor(t*7)).padStart(6,'0'),8,12);HUD('WORLD 1-2',110,12);HUD('TIME '+(400-Math.floor(t*2)),190,12);}`;

const maze = `const M=[];const rnd=R(5);for(let y=0;y<27;y++){M.push([]);for(let x=0;x<24;x++)M[y].push(x===0||y===0||x===23||y===26||(x%2===0&&y%2===0)||(rnd()<0.12&&x%2===0)?1:0);}
function draw(t){g.fillStyle='#000';g.fillRect(0,0,W,H);const s=8;
for(let y=0;y<27;y++)for(let x=0;x<24;x++){if(M[y][x]){g.fillStyle='#2121de';g.fillRect(x*s+16,y*s+16,s,s);}else if((x+y)%2){g.fillStyle='#ffb8ae';g.fillRect(x*s+19,y*s+19,2,2);}}
const px=16+8*(1+Math.floor((t*6)%21)),py=16+8*13;g.fillStyle='#ffff00';g.beginPath();g.moveTo(px+4,py+4);g.arc(px+4,py+4,4,0.6*Math.abs(Math.sin(t*10)),6.28-0.6*Math.abs(Math.sin(t*10)));g.fill();
['#ff0000','#ffb8ff','#00ffff','#ffb852'].forEach((c,i)=>{const gx=16+8*(3+Math.floor((t*4+i*5)%18)),gy=16+8*(5+i*4);g.fillStyle=c;g.fillRect(gx,gy,8,7);g.fillStyle='#fff';g.fillRect(gx+1,gy+2,2,2);g.fillRect(gx+5,gy+2,2,2);});
HUD('1UP   HIGH SCORE',8,10);HUD(String(10*Math.floor(t*13)).padStart(5,' '),8,H-4,'#ffff00');}`;

const raycaster = `const map=['1111111111111111','1000000000000001','1011100111101101','1010000000001001','1010111011101001','1000100000001001','1110101111101011','1000001000000001','1011101011110101','1000000000000001','1111111111111111'];
function draw(t){const px=1.5+Math.min(12,t*1.6),py=1.5+(t>4?(t-4)*0.6:0),a=0.1*Math.sin(t*0.9);
g.fillStyle='#383838';g.fillRect(0,0,W,H/2);g.fillStyle='#5a4a32';g.fillRect(0,H/2,W,H/2);
for(let x=0;x<W;x++){const ra=a+(x/W-0.5)*1.1,dx=Math.cos(ra),dy=Math.sin(ra);let d=0,hit=0,side=0;
for(;d<16;d+=0.02){const cx=px+dx*d,cy=py+dy*d;const row=map[Math.floor(cy)];if(!row||row[Math.floor(cx)]==='1'){hit=1;side=Math.abs(cx-Math.round(cx))<Math.abs(cy-Math.round(cy))?1:0;break;}}
const h=Math.min(H,H/(d*Math.cos(ra-a)+0.01));const u=side?(py+dy*d)%1:(px+dx*d)%1;const brick=(Math.floor(u*8)%2)?150:110;const sh=side?0.7:1;
g.fillStyle='rgb('+Math.floor(brick*sh)+','+Math.floor(40*sh)+','+Math.floor(30*sh)+')';g.fillRect(x,(H-h)/2,1,h);
g.fillStyle='#1a1010';for(let k=1;k<4;k++)g.fillRect(x,(H-h)/2+h*k/4,1,1);}
g.fillStyle='#777';g.fillRect(W/2-14,H-58+4*Math.sin(t*8),28,40);g.fillStyle='#444';g.fillRect(W/2-5,H-70+4*Math.sin(t*8),10,20);
g.fillStyle='#555';g.fillRect(0,H-20,W,20);HUD('AMMO 50',6,H-7,'#e00');HUD('HEALTH 100%',90,H-7,'#e00');HUD('ARMS',190,H-7,'#ff0');}`;

const shooter = `const rnd=R(9);const stars=Array.from({length:70},()=>[rnd()*W,rnd()*H,1+Math.floor(rnd()*3)]);
function draw(t){g.fillStyle='#000010';g.fillRect(0,0,W,H);stars.forEach(([x,y,s])=>{g.fillStyle=s>2?'#fff':'#88a';g.fillRect(x,(y+t*30*s)%H,1,s);});
const sx=W/2+60*Math.sin(t*1.3);g.fillStyle='#3cf';g.fillRect(sx-6,H-30,12,10);g.fillStyle='#f33';g.fillRect(sx-2,H-36,4,6);
for(let b=0;b<8;b++){const by=H-40-((t*180+b*25)%(H-40));g.fillStyle='#ff0';g.fillRect(sx-1+8*Math.sin(t*1.3-b*0.1),by,2,5);}
for(let e=0;e<10;e++){const ex=20+e*22+10*Math.sin(t*2+e),ey=30+(e%3)*18;if((Math.floor(t*2)+e)%7){g.fillStyle=['#f0f','#0f0','#fa0'][e%3];g.fillRect(ex,ey,12,8);g.fillStyle='#000';g.fillRect(ex+3,ey+2,2,2);g.fillRect(ex+7,ey+2,2,2);}else{g.fillStyle='#f80';g.fillRect(ex-2,ey-2,16,12);}}
HUD('1P '+String(50*Math.floor(t*9)).padStart(7,'0'),6,10);HUD('HI 0050000',W-66,10,'#f44');}`;

const racing = `function draw(t){g.fillStyle='#4aa8ff';g.fillRect(0,0,W,H/2);g.fillStyle='#2d8a2d';g.fillRect(0,H/2,W,H/2);
g.fillStyle='#6b6b8a';for(let i=0;i<8;i++){g.beginPath();g.moveTo(i*50-20,H/2);g.lineTo(i*50+10,H/2-25-10*(i%3));g.lineTo(i*50+40,H/2);g.fill();}
const curve=Math.sin(t*0.5)*60;for(let y=H/2;y<H;y++){const z=(y-H/2)/(H/2),w=20+z*W*0.9,cx=W/2+curve*(1-z)*(1-z);const stripe=Math.floor(10/(z+0.05)+t*20)%2;
g.fillStyle=stripe?'#777':'#6a6a6a';g.fillRect(cx-w/2,y,w,1);g.fillStyle=stripe?'#f00':'#fff';g.fillRect(cx-w/2-6*z,y,6*z,1);g.fillRect(cx+w/2,y,6*z,1);if(stripe){g.fillStyle='#fff';g.fillRect(cx-1*z,y,3*z,1);}}
for(let c=0;c<3;c++){const z=((t*0.4+c*0.33)%1),y=H/2+z*H/2,s=4+z*28;g.fillStyle=['#ff0','#0ff','#f0f'][c];g.fillRect(W/2+curve*(1-z)*(1-z)+(c-1)*z*40-s/2,y-s/2,s,s/2);}
g.fillStyle='#e00';g.fillRect(W/2-16,H-26,32,14);g.fillStyle='#111';g.fillRect(W/2-18,H-14,8,6);g.fillRect(W/2+10,H-14,8,6);
g.fillStyle='#000';g.fillRect(0,0,W,14);HUD('SPEED '+(120+Math.floor(40*Math.sin(t))),4,10,'#0f0');HUD('DAY 1  CARS '+(200-Math.floor(t*3)),W-92,10,'#0f0');}`;

/** The canvas scenes (family names are their groups in the held-out evaluation). */
export const CANVAS_SCENES: CanvasScene[] = [
  { family: 'canvas-cartoon', type: 'animation', w: 1280, h: 720, draw: cartoon },
  { family: 'canvas-motiongraphics', type: 'animation', w: 960, h: 540, draw: motionGraphics },
  { family: 'canvas-outlines', type: 'animation', w: 1024, h: 576, draw: outlines },
  { family: 'game-platformer', type: 'gameplay', w: 256, h: 224, draw: platformer },
  { family: 'game-maze', type: 'gameplay', w: 224, h: 248, draw: maze },
  { family: 'game-raycaster', type: 'gameplay', w: 320, h: 200, draw: raycaster },
  { family: 'game-shooter', type: 'gameplay', w: 240, h: 320, draw: shooter },
  { family: 'game-racing', type: 'gameplay', w: 320, h: 200, draw: racing },
];
